// 워커 풀: 정해진 수의 고루틴이 jobs 채널에서 일을 나눠 가져간다.
package main

import (
	"fmt"
	"sort"
	"sync"
)

type result struct {
	job    int
	output int
}

// jobs는 받기 전용, results는 보내기 전용으로 방향을 제한한다.
// id는 로그 등에 쓸 워커 번호다(이 예제에서는 출력 순서를 고정하려고 찍지 않는다).
func worker(id int, jobs <-chan int, results chan<- result, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs { // jobs가 닫히면 반복이 끝난다
		results <- result{job: j, output: j * j}
	}
}

func main() {
	const numJobs = 9
	const numWorkers = 3

	jobs := make(chan int, numJobs)
	results := make(chan result, numJobs)

	var wg sync.WaitGroup
	for w := 1; w <= numWorkers; w++ {
		wg.Add(1)
		go worker(w, jobs, results, &wg) // 루프 변수를 인자로 넘긴다(Go 1.22 이전에도 안전)
	}

	for j := 1; j <= numJobs; j++ {
		jobs <- j
	}
	close(jobs) // 더 줄 일이 없다

	// 모든 워커가 끝나면 results를 닫는다: 받는 쪽의 range가 끝나도록
	go func() {
		wg.Wait()
		close(results)
	}()

	var all []result
	for r := range results {
		all = append(all, r)
	}

	// 어떤 워커가 어떤 일을 했는지는 실행마다 다르므로 job 순서로 정렬해 출력한다.
	sort.Slice(all, func(a, b int) bool { return all[a].job < all[b].job })
	for _, r := range all {
		fmt.Printf("job %d -> %d\n", r.job, r.output)
	}
	fmt.Println("처리한 일의 수:", len(all))
}
