// context.Context로 고루틴에 "이제 그만"을 알리고, 고루틴이 정리하고 끝나는지 확인한다.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// 끝없이 숫자를 만든다. ctx가 취소되면 채널을 닫고 끝난다.
func counter(ctx context.Context) (<-chan int, <-chan error) {
	out := make(chan int)
	stopped := make(chan error, 1)
	go func() {
		defer close(out)
		for i := 1; ; i++ {
			select {
			case out <- i:
			case <-ctx.Done():
				stopped <- ctx.Err() // 왜 멈췄는지 알린다
				return
			}
		}
	}()
	return out, stopped
}

// 느린 작업: ctx의 마감 시간이 먼저 오면 포기한다.
func slowQuery(ctx context.Context) (string, error) {
	select {
	case <-time.After(time.Second):
		return "결과", nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func main() {
	// 1) WithCancel: 필요한 만큼만 받고 취소한다.
	ctx, cancel := context.WithCancel(context.Background())
	nums, stopped := counter(ctx)
	for n := range nums {
		fmt.Println("받음:", n)
		if n == 3 {
			cancel()
			break
		}
	}
	fmt.Println("counter 종료 이유:", <-stopped)

	// 2) WithTimeout: 50ms 안에 끝나지 않으면 포기한다.
	tctx, tcancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer tcancel() // 타임아웃이 나도 cancel은 항상 호출해 자원을 푼다
	_, err := slowQuery(tctx)
	fmt.Println("slowQuery 오류:", err)
	fmt.Println("DeadlineExceeded인가:", errors.Is(err, context.DeadlineExceeded))
}
