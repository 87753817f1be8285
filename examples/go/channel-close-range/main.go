// close, range, 닫힌 채널에서 받기, 그리고 패닉이 나는 경우들.
package main

import "fmt"

func produce(n int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out) // 보내는 쪽이 닫는다: 더 보낼 값이 없다는 신호
		for i := 1; i <= n; i++ {
			out <- i * i
		}
	}()
	return out
}

// 패닉을 recover해서 메시지만 출력한다.
func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Printf("%s -> panic: %v\n", name, r)
		}
	}()
	f()
}

func main() {
	// range는 채널이 닫히고 남은 값을 모두 받은 뒤에 끝난다.
	for v := range produce(4) {
		fmt.Println("받음:", v)
	}

	// 닫힌 채널에서 받으면 버퍼에 남은 값을 먼저 주고, 그다음부터는 0값과 ok=false.
	ch := make(chan int, 2)
	ch <- 7
	close(ch)
	v, ok := <-ch
	fmt.Println("v =", v, "ok =", ok)
	v, ok = <-ch
	fmt.Println("v =", v, "ok =", ok)

	// 런타임 패닉이 나는 세 가지 경우
	try("닫힌 채널에 보내기", func() { ch <- 1 })
	try("닫힌 채널을 다시 닫기", func() { close(ch) })
	try("nil 채널 닫기", func() {
		var nilCh chan int
		close(nilCh)
	})
}
