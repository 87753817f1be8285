// 바탕 배열을 공유한 슬라이스에 append하면 이웃의 데이터를 덮어쓴다.
package main

import "fmt"

func main() {
	base := []int{1, 2, 3, 4, 5}

	// 앞쪽 두 개만 잘랐지만 cap은 5라서 뒤쪽 공간을 공유한다.
	head := base[:2]
	fmt.Printf("head=%v len=%d cap=%d\n", head, len(head), cap(head))

	// cap에 여유가 있으므로 새 배열을 만들지 않고 base[2] 자리에 쓴다.
	head = append(head, 99)
	fmt.Println("append 후 head =", head)
	fmt.Println("append 후 base =", base, "<- base[2]가 바뀌었다")

	// 해결 1: 전체 슬라이스 식 a[lo:hi:max]로 cap을 제한한다.
	base2 := []int{1, 2, 3, 4, 5}
	head2 := base2[:2:2]      // len=2, cap=2
	head2 = append(head2, 99) // cap이 꽉 찼으므로 새 배열로 복사된다
	fmt.Println("[:2:2] 사용: head2 =", head2, "base2 =", base2)

	// 해결 2: 필요한 만큼 새로 복사한다.
	base3 := []int{1, 2, 3, 4, 5}
	head3 := make([]int, 2)
	copy(head3, base3[:2])
	head3 = append(head3, 99)
	fmt.Println("copy 사용:  head3 =", head3, "base3 =", base3)

	// 같은 바탕 배열에서 갈라진 두 슬라이스가 서로를 덮어쓰는 경우
	buf := make([]int, 0, 10)
	buf = append(buf, 0)
	a := append(buf, 1) // buf의 cap 여유 공간 [1]에 씀
	b := append(buf, 2) // 같은 자리 [1]에 다시 씀
	fmt.Println("a =", a, "b =", b, "<- a[1]도 2가 되었다")
}
