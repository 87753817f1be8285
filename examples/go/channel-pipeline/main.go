// 파이프라인과 fan-out/fan-in: 단계마다 채널로 잇고, 한 단계를 여러 고루틴이 나눠 맡는다.
package main

import (
	"fmt"
	"sort"
	"sync"
)

// 1단계: 숫자를 흘려보낸다.
func gen(nums ...int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for _, n := range nums {
			out <- n
		}
	}()
	return out
}

// 2단계: 받은 숫자를 제곱한다.
func square(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for n := range in {
			out <- n * n
		}
	}()
	return out
}

// fan-in: 여러 채널을 하나로 합친다. 모든 입력이 끝나면 out을 닫는다.
func merge(inputs ...<-chan int) <-chan int {
	out := make(chan int)
	var wg sync.WaitGroup
	wg.Add(len(inputs))
	for _, in := range inputs {
		go func(c <-chan int) { // 루프 변수를 인자로 넘긴다
			defer wg.Done()
			for n := range c {
				out <- n
			}
		}(in)
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

func main() {
	// 단순 파이프라인: gen -> square -> 출력 (단계가 하나씩이라 순서가 유지된다)
	for v := range square(gen(1, 2, 3)) {
		fmt.Println("pipeline:", v)
	}

	// fan-out: 같은 입력 채널을 square 고루틴 세 개가 나눠 읽는다.
	src := gen(1, 2, 3, 4, 5, 6)
	w1, w2, w3 := square(src), square(src), square(src)

	// fan-in: 결과를 합친다. 도착 순서는 실행마다 다를 수 있어 정렬한다.
	var got []int
	for v := range merge(w1, w2, w3) {
		got = append(got, v)
	}
	sort.Ints(got)
	fmt.Println("fan-out/fan-in:", got)
}
