// string과 []byte 사이의 변환은 바이트를 새 배열에 복사한다.
package main

import "fmt"

func main() {
	s := "hello"
	b := []byte(s) // 문자열의 바이트를 새 배열에 복사한다
	b[0] = 'j'
	fmt.Println(s, string(b), "<- 문자열은 그대로다")

	b2 := []byte("go")
	s2 := string(b2) // 이 방향도 복사다
	b2[0] = 'n'
	fmt.Println(s2, string(b2), "<- 원래 바이트를 고쳐도 문자열은 안 바뀐다")
}
