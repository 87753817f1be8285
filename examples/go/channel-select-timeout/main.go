// select로 여러 채널을 기다리고, time.After로 타임아웃을 건다.
// 타임아웃 뒤에 결과를 보내는 고루틴이 버퍼 없는 채널에서는 영원히 막히는(누수) 것도 확인한다.
package main

import (
	"fmt"
	"runtime"
	"time"
)

// call은 작업 고루틴을 띄우고 결과 채널을 바로 돌려준다. 고루틴은 delay 뒤에 결과를 한 번 보낸다.
// buffer가 1이면 받는 쪽이 떠났어도 보내기가 끝나 고루틴이 종료되고,
// buffer가 0이면 받을 상대가 다시 오지 않으므로 보내기에서 영원히 막힌다.
func call(delay time.Duration, buffer int) <-chan string {
	out := make(chan string, buffer)
	go func() {
		time.Sleep(delay) // 느린 외부 호출을 흉내 낸다
		out <- "응답 도착"
	}()
	return out
}

func waitWithTimeout(name string, ch <-chan string, d time.Duration) {
	select {
	case msg := <-ch:
		fmt.Println(name, "->", msg)
	case <-time.After(d):
		fmt.Println(name, "-> 타임아웃")
	}
}

// leftover는 작업 고루틴이 끝날 시간을 넉넉히 준 뒤, 처음보다 몇 개가 더 살아 있는지 돌려준다.
func leftover(base int) int {
	deadline := time.Now().Add(time.Second)
	for runtime.NumGoroutine() > base && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	return runtime.NumGoroutine() - base
}

func main() {
	base := runtime.NumGoroutine() // 지금은 main 하나

	waitWithTimeout("빠른 호출", call(10*time.Millisecond, 1), time.Second)

	// 응답(300ms)이 타임아웃(30ms)보다 늦다. 버퍼가 1칸이면 늦은 보내기도 바로 끝난다.
	waitWithTimeout("느린 호출, 버퍼 1", call(300*time.Millisecond, 1), 30*time.Millisecond)
	fmt.Println("  남은 작업 고루틴:", leftover(base), "<- 보내고 종료")

	// 같은 상황에서 버퍼가 없으면 작업 고루틴이 보내기에서 영원히 막힌다.
	waitWithTimeout("느린 호출, 버퍼 0", call(300*time.Millisecond, 0), 30*time.Millisecond)
	fmt.Println("  남은 작업 고루틴:", leftover(base), "<- 고루틴 누수")

	// default가 있으면 select는 막히지 않는다(논블로킹 받기).
	empty := make(chan int)
	select {
	case v := <-empty:
		fmt.Println("받음", v)
	default:
		fmt.Println("받을 값이 없어 default 실행")
	}

	// nil 채널의 case는 절대 선택되지 않는다: case를 끄는 데 쓴다.
	var disabled chan int
	data := make(chan int, 1)
	data <- 42
	select {
	case v := <-disabled:
		fmt.Println("절대 실행되지 않음", v)
	case v := <-data:
		fmt.Println("data에서 받음", v)
	}
}
