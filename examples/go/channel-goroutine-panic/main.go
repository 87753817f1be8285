// 고루틴 안의 패닉은 그 고루틴의 defer에서만 recover할 수 있다.
// 워커가 스스로 패닉을 잡아 에러로 바꿔 알리면 프로그램 전체가 죽지 않는다.
package main

import (
	"fmt"
	"sort"
	"sync"
)

// safeGo는 f를 새 고루틴에서 실행하고, 패닉이 나면 에러로 바꿔 errs에 보낸다.
func safeGo(wg *sync.WaitGroup, errs chan<- error, name string, f func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer func() {
			// recover는 같은 고루틴의 defer 함수 안에서 직접 불러야 패닉을 멈춘다.
			if r := recover(); r != nil {
				errs <- fmt.Errorf("%s: 패닉을 에러로 바꿈: %v", name, r)
			}
		}()
		f()
	}()
}

func main() {
	errs := make(chan error, 3)
	var wg sync.WaitGroup

	safeGo(&wg, errs, "작업 A", func() {}) // 정상 종료
	safeGo(&wg, errs, "작업 B", func() {
		var m map[string]int
		m["x"] = 1 // nil 맵에 쓰기: 런타임 패닉
	})
	safeGo(&wg, errs, "작업 C", func() {
		s := []int{}
		i := 3
		_ = s[i] // 범위를 벗어난 인덱스: 런타임 패닉
	})

	wg.Wait()
	close(errs)

	var msgs []string
	for err := range errs {
		msgs = append(msgs, err.Error())
	}
	sort.Strings(msgs) // 고루틴이 끝나는 순서는 실행마다 다르다
	for _, m := range msgs {
		fmt.Println(m)
	}
	fmt.Println("main은 계속 돈다")
}
