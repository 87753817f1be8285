// nil 슬라이스와 빈 슬라이스의 차이를 확인한다.
package main

import (
	"encoding/json"
	"fmt"
	"reflect"
)

type Response struct {
	Items []string `json:"items"`
}

func main() {
	var nilSlice []string          // 선언만: nil
	emptySlice := []string{}       // 리터럴: 길이 0이지만 nil이 아님
	madeSlice := make([]string, 0) // make: 길이 0이지만 nil이 아님

	fmt.Println("nilSlice   len:", len(nilSlice), "cap:", cap(nilSlice), "== nil:", nilSlice == nil)
	fmt.Println("emptySlice len:", len(emptySlice), "cap:", cap(emptySlice), "== nil:", emptySlice == nil)
	fmt.Println("madeSlice  len:", len(madeSlice), "cap:", cap(madeSlice), "== nil:", madeSlice == nil)

	// reflect.DeepEqual은 nil 슬라이스와 빈 슬라이스를 다르게 본다.
	fmt.Println("DeepEqual(nil, empty):", reflect.DeepEqual(nilSlice, emptySlice))

	// nil 슬라이스도 range, len, append는 안전하다.
	for range nilSlice {
		fmt.Println("실행되지 않음")
	}
	nilSlice = append(nilSlice, "a")
	fmt.Println("nil에 append:", nilSlice)

	// JSON에서는 다르게 보인다: nil은 null, 빈 슬라이스는 [].
	var r1 Response
	r2 := Response{Items: []string{}}
	j1, _ := json.Marshal(r1)
	j2, _ := json.Marshal(r2)
	fmt.Println("nil   ->", string(j1))
	fmt.Println("empty ->", string(j2))
}
