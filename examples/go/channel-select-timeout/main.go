// select로 여러 채널을 기다리고, time.After로 타임아웃을 건다.
package main

import (
	"fmt"
	"time"
)

// 결과를 돌려주는 작업. ready가 false면 영원히 응답하지 않는다.
func call(ready bool) <-chan string {
	out := make(chan string, 1) // 버퍼 1: 아무도 안 받아도 고루틴이 막히지 않게
	if ready {
		out <- "응답 도착"
	}
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

func main() {
	waitWithTimeout("빠른 호출", call(true), time.Second)
	waitWithTimeout("멈춘 호출", call(false), 50*time.Millisecond)

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
