// append가 용량(cap)을 어떻게 늘리는지 관찰한다.
// 결과는 Go 버전과 아키텍처(여기서는 Go 1.19, amd64)에 따라 다를 수 있다.
package main

import "fmt"

func main() {
	var s []int
	prevCap := cap(s)
	for i := 0; i < 4000; i++ {
		s = append(s, i)
		if cap(s) != prevCap {
			if prevCap == 0 {
				fmt.Printf("len=%4d  cap %4d -> %4d\n", len(s), prevCap, cap(s))
			} else {
				ratio := float64(cap(s)) / float64(prevCap)
				fmt.Printf("len=%4d  cap %4d -> %4d  (x%.2f)\n", len(s), prevCap, cap(s), ratio)
			}
			prevCap = cap(s)
		}
	}

	// 필요한 크기를 알면 미리 잡아 두면 재할당이 없다.
	pre := make([]int, 0, 1000)
	grows := 0
	last := cap(pre)
	for i := 0; i < 1000; i++ {
		pre = append(pre, i)
		if cap(pre) != last {
			grows++
			last = cap(pre)
		}
	}
	fmt.Println("make([]int, 0, 1000) 후 재할당 횟수:", grows)
}
