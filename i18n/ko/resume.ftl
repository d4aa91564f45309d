# 내장 한국어 카탈로그: 레이아웃이 찍는 모든 라벨, 날짜 형식, 기간.
# 영어 카탈로그와 메시지 id가 정확히 같다.

## 문서

document-kind = 경력기술서
document-title = { $name } — { $kind }
# 회사별로 정리한 이력서가 스스로를 부르는 이름: 표 양식의 이력서와
# 구별되도록, 채용 사이트가 부르는 대로.
document-kind-resume = 자유양식 이력서
# 여러 문서를 한 PDF로 묶은 지원서(--packet)의 제목.
packet-title = { $name } — 입사 지원서

## 섹션

section-summary = 경력 요약
# 회사별 이력서의 첫 문단.
section-profile = 요약
# 회사별 이력서에서 회사와 그 프로젝트.
section-experience = 경력
section-projects = 프로젝트
section-skills = 기술
section-education = 학력
section-certifications = 자격증
section-open-source = 오픈소스
# Titles that `resume import jsonresume` gives the lists it brings in.
section-awards = 수상
section-language-tests = 어학
section-publications = 저술 및 발표
section-spoken-languages = 외국어
section-interests = 관심 분야
section-volunteer = 봉사 활동
section-references = 추천인

## 프로젝트 항목

part-responsibilities = 주요 업무
part-achievements = 성과
part-troubleshooting = 트러블슈팅
# 프로젝트의 기술을 한 줄로 적을 때 앞에 붙는 말.
part-tech = 기술

## 항목 이름 (Markdown 내보내기가 `- 이름: 값`으로 쓰는 것)

field-company = 회사
field-period = 기간
field-description = 설명
field-degree = 학위
field-role = 직책
field-department = 부서
field-gpa = 학점
field-location = 근무지
field-link = 링크
field-organisation = 기관
field-authors = 저자
field-doi = DOI

## 기술 스택

fact-languages = 언어
fact-os = OS
fact-databases = DB
fact-platform = 플랫폼
fact-ci-cd = CI/CD
fact-monitoring = 모니터링
fact-architecture = 서비스 구성

## 경력 요약

summary-total = 총 경력 { $duration }
company-renamed = { $former } → { $current } ({ $month } 사명 변경)
company-spanning = { $former } → { $current }
# 이력서 양식에서 기간이 사명 변경에 걸친 행.
company-formerly = { $current }(구 { $former })

## 월과 기간

month-1 = 1월
month-2 = 2월
month-3 = 3월
month-4 = 4월
month-5 = 5월
month-6 = 6월
month-7 = 7월
month-8 = 8월
month-9 = 9월
month-10 = 10월
month-11 = 11월
month-12 = 12월
# $month-name은 month-N 메시지 중 하나, $month는 두 자리 숫자.
date-month = { $year }.{ $month }
date-year = { $year }
date-present = 현재
date-range = { $start } ~ { $end }

## 기간 (숫자에 따른 복수형은 한국어에 없다)

duration-years = { $years }년
duration-months = { $months }개월
duration-years-months = { duration-years } { duration-months }
# 총 경력처럼 기간이 홀로 설 때.
duration-long-years = { $years }년
duration-long-months = { $months }개월
duration-long-years-months = { duration-long-years } { duration-long-months }

## resume profiles (명령줄 표)

profiles-profile = 프로필
profiles-languages = 언어
profiles-selection = 선택
profiles-projects = 프로젝트
profiles-pages = 쪽수
profiles-paper = 용지
profiles-layout = 레이아웃
profiles-description = 설명
profiles-documents = 문서
profiles-one-pdf = { $documents } (한 PDF)
profiles-everything = 전체
profiles-only = 포함 { $selectors }
profiles-hide = 제외 { $selectors }
profiles-kept = { $total }개 중 { $kept }개
profiles-max-pages = 최대 { $pages }쪽
profiles-no-limit = 제한 없음

## 편지 (자기소개서, 커버레터)

# 문서 종류: 질문과 답으로 된 편지, 문단으로 된 편지.
letter-kind-questions = 자기소개서
letter-kind-paragraphs = 커버레터
# 편지의 날짜.
letter-date =
    { $day ->
        [none] { $year }년 { $month-name }
       *[other] { $year }년 { $month-name } { $day }일
    }
month-long-1 = 1월
month-long-2 = 2월
month-long-3 = 3월
month-long-4 = 4월
month-long-5 = 5월
month-long-6 = 6월
month-long-7 = 7월
month-long-8 = 8월
month-long-9 = 9월
month-long-10 = 10월
month-long-11 = 11월
month-long-12 = 12월
# 답의 분량 제한: 포털이 쓰는 대로.
letter-unit-chars = 자
letter-unit-bytes = 바이트
letter-limit-max = { $max }{ $unit } 이내
letter-limit-min = { $min }{ $unit } 이상
letter-limit-range = { $min }{ $unit } 이상 { $max }{ $unit } 이내
letter-spaces-with = 공백 포함
letter-spaces-without = 공백 제외
# 답 아래의 글자 수: 제한의 단위로 센 것.
letter-count = { $count } / { $max }{ $unit }
letter-count-plain = { $count }{ $unit }

## 이력서 양식

form-title = 이 력 서
form-photo = 사진
form-personal = 인적사항
form-name = 성명
form-name-hangul = 한글
form-name-hanja = 漢字
form-name-latin = 영문
form-birth-date = 생년월일
form-phone = 휴대폰
form-email = 이메일
form-address = 주소
form-nationality = 국적
form-visa = 체류자격
form-education = 학력사항
form-career = 경력사항
form-certifications = 자격증·면허
form-languages = 어학
form-military = 병역사항
form-awards = 수상·활동
form-period = 기간
form-school = 학교명
form-major = 전공
form-standing = 구분
form-gpa = 학점
form-company = 회사명
form-department = 부서
form-position = 직위
form-duties = 담당업무
form-obtained = 취득일
form-certificate = 자격/면허명
form-issuer = 발행처
form-test-issuer = 시행기관
form-awarder = 수여기관
form-test = 시험명
form-score = 점수/등급
form-test-date = 응시일
form-branch = 군별
form-rank = 계급
form-service = 복무기간
form-specialty = 병과
form-exemption = 면제 사유
form-military-status = 병역구분
form-reason = 사유
military-served = 군필
military-exempt = 면제
military-not-served = 미필
military-serving = 복무중
form-award-date = 일자
form-award = 수상·활동명
form-declaration = 위 기재 사항은 사실과 틀림이 없습니다.
form-applicant = 지원자
form-seal = (인)
form-date = { $year }년 { $month }월 { $day }일
standing-graduated = 졸업
standing-completed = 수료
standing-withdrew = 중퇴
standing-enrolled = 재학
