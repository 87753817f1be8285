// 배열과 슬라이스의 차이, 슬라이스 헤더(포인터·len·cap)를 확인한다.
package main

import "fmt"

func main() {
	// 배열: 길이가 타입의 일부이고, 대입하면 통째로 복사된다.
	arr := [5]int{10, 20, 30, 40, 50}
	arrCopy := arr
	arrCopy[0] = 999
	fmt.Println("arr     =", arr)
	fmt.Println("arrCopy =", arrCopy)

	// 슬라이스: 배열의 일부를 가리키는 창(window)이다.
	s := arr[1:3] // 인덱스 1, 2
	fmt.Printf("s = %v len=%d cap=%d\n", s, len(s), cap(s))

	// 슬라이스를 통해 고치면 바탕 배열(backing array)이 바뀐다.
	s[0] = 21
	fmt.Println("s[0] = 21 후 arr =", arr)

	// cap 안에서는 다시 늘려 자를 수 있다(re-slice).
	s = s[:cap(s)]
	fmt.Printf("s[:cap(s)] = %v len=%d cap=%d\n", s, len(s), cap(s))

	// make([]T, len, cap): 새 바탕 배열을 만든다.
	m := make([]int, 2, 5)
	fmt.Printf("make = %v len=%d cap=%d\n", m, len(m), cap(m))

	// copy는 두 슬라이스 중 짧은 쪽 길이만큼 복사하고, 복사한 개수를 돌려준다.
	dst := make([]int, 3)
	n := copy(dst, arr[:])
	fmt.Println("copy n =", n, "dst =", dst)
}
