# 두 명령이면 된다: `make serve` (미리보기, Python만 필요), `make test` (CI와 같은 전체 검사).
.PHONY: setup setup-build serve build test lint budget search offline bank ids diagrams

SERVE_ADDR ?= 127.0.0.1:8000

# Python 3.11+와 .venv(requirements.txt)만: root, apt-get, npm, 브라우저가 없어도 된다.
setup-build:
	@bash scripts/setup.sh build

# 테스트에 필요한 모든 것: Debian 패키지(chromium, Go, JDK, CJK 글꼴), requirements-dev.txt, npm ci.
setup:
	@bash scripts/setup.sh test

serve: setup-build
	.venv/bin/mkdocs serve -a $(SERVE_ADDR)

# 엄격 빌드: -q/-v를 붙이지 않는다(-q는 깨진 링크를, -v는 없는 앵커를 통과시킨다).
build: setup-build
	NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict

test: setup
	.venv/bin/ruff check scripts tests hooks extensions
	.venv/bin/python -m pytest

budget: setup
	.venv/bin/python scripts/budget.py

# 검색 수치를 몇 초 만에(브라우저 없이, 빌드한 사이트의 검색 워커를 Node로): 동의어·규칙·가중치를 시험할 때.
# `make search ARGS="--misses tuning"`은 tuning 집합의 놓친 검색어도 보인다(hold-out은 수치만).
search: setup
	.venv/bin/python scripts/search_quick.py $(ARGS)

# 질문 은행의 커밋된 사본(docs/practice/bank.json)을 빌드로 다시 만든다(Zensical은 훅을 돌리지 않는다).
bank: setup-build
	.venv/bin/python hooks/question_bank.py --write

# 질문 id 지도(includes/question-ids.yml)를 페이지의 질문에 맞춘다: 새 질문에 id, 고친 질문은 확인 뒤 옛 id 유지.
# 질문 문장을 고쳤으면 `make ids ARGS=--rename`(같은 질문) 또는 `make ids ARGS=--new`(다른 질문).
ids: setup-build
	.venv/bin/python hooks/question_bank.py --ids $(ARGS)

# 페이지의 ```mermaid 펜스 중 렌더가 없거나 낡은 것만 SVG로 그리고(includes/diagrams/), 아무 페이지도 쓰지 않는 렌더는 지운다.
diagrams: setup
	.venv/bin/python scripts/render_diagrams.py
