// 버퍼 없는 채널과 버퍼 있는 채널의 차이를 확인한다.
package main

import "fmt"

func main() {
	// 버퍼 없는 채널: 보내는 쪽은 받는 쪽이 가져갈 때까지 막힌다(동기화 지점).
	unbuffered := make(chan string)
	done := make(chan struct{})

	go func() {
		msg := <-unbuffered // main이 보낼 때까지 기다린다
		fmt.Println("고루틴: 받음 ->", msg)
		close(done) // 일을 끝냈다고 알린다
	}()

	unbuffered <- "hello" // 고루틴이 받아야 이 줄이 끝난다
	<-done                // 고루틴의 출력이 끝날 때까지 기다린다
	fmt.Println("main: 전달 완료")

	// 버퍼 있는 채널: 버퍼가 찰 때까지는 받는 쪽이 없어도 보내기가 바로 끝난다.
	buffered := make(chan int, 3)
	buffered <- 1
	buffered <- 2
	fmt.Println("buffered len =", len(buffered), "cap =", cap(buffered))

	// 버퍼가 가득 찼는지 막히지 않고 확인하려면 select + default를 쓴다.
	buffered <- 3
	select {
	case buffered <- 4:
		fmt.Println("보냄")
	default:
		fmt.Println("버퍼가 가득 차서 보내지 못함")
	}

	// 받을 때는 보낸 순서(FIFO) 그대로 나온다.
	fmt.Println(<-buffered, <-buffered, <-buffered)
}
