// 원소를 지우고 끼워 넣는 append 관용구가 원본의 바탕 배열까지 바꾸는 것을 확인한다.
package main

import "fmt"

func main() {
	// 지우기: append(s[:i], s[i+1:]...)는 뒤쪽 원소를 한 칸씩 당겨 같은 배열에 덮어쓴다.
	s := []int{1, 2, 3, 4, 5}
	t := append(s[:1], s[2:]...) // 인덱스 1(값 2)을 지운다
	fmt.Println("t =", t)
	fmt.Println("s =", s, "<- 원본도 당겨졌고 마지막 5가 한 번 더 남았다")

	// 원본을 지키려면 새 배열에 모은다.
	u := []int{1, 2, 3, 4, 5}
	v := make([]int, 0, len(u)-1)
	v = append(v, u[:1]...)
	v = append(v, u[2:]...)
	fmt.Println("v =", v, "u =", u)

	// 끼워 넣기: cap에 여유가 있으면 원본 자리에 그대로 쓴다.
	w := make([]int, 3, 10)
	copy(w, []int{1, 2, 3})
	x := append(w[:1], append([]int{9}, w[1:]...)...) // 인덱스 1에 9를 넣는다
	fmt.Println("x =", x)
	fmt.Println("w =", w, "<- len 3인 원본의 내용이 바뀌었다")
}
