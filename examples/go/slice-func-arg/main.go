// 슬라이스를 함수에 넘기면 헤더(포인터·len·cap)가 값으로 복사된다.
package main

import "fmt"

// 원소를 고치면 호출한 쪽에서도 보인다: 같은 바탕 배열을 가리키기 때문이다.
func double(s []int) {
	for i := range s {
		s[i] *= 2
	}
}

// append 결과는 복사된 헤더에만 반영된다: 호출한 쪽의 len은 그대로다.
func addWrong(s []int, v int) {
	s = append(s, v)
}

// 그래서 append하는 함수는 새 슬라이스를 돌려주고, 호출한 쪽이 받아서 쓴다.
func addRight(s []int, v int) []int {
	return append(s, v)
}

func main() {
	nums := []int{1, 2, 3}
	double(nums)
	fmt.Println("double 후:", nums)

	addWrong(nums, 4)
	fmt.Println("addWrong 후:", nums, "len =", len(nums))

	nums = addRight(nums, 4)
	fmt.Println("addRight 후:", nums, "len =", len(nums))

	// 슬라이스의 슬라이스(2차원): 행마다 따로 만든다.
	grid := make([][]int, 3)
	for i := range grid {
		grid[i] = make([]int, i+1)
		for j := range grid[i] {
			grid[i][j] = i*10 + j
		}
	}
	fmt.Println("grid:", grid)
}
