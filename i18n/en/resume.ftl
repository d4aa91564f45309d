# Built-in English catalogue: every label, date form and duration the
# layouts print. The Korean catalogue has exactly the same ids.

## Document

document-kind = Résumé
document-title = { $name } — { $kind }
# What a résumé organised by employer calls itself.
document-kind-resume = Résumé
# The title of several documents joined into one PDF (--packet).
packet-title = { $name } — Job application

## Sections

section-summary = Career summary
# The opening paragraph, in a résumé by employer.
section-profile = Summary
# Employments with their projects, in a résumé by employer.
section-experience = Experience
section-projects = Projects
section-skills = Skills
section-education = Education
section-certifications = Certifications
section-open-source = Open source
section-awards = Awards
section-language-tests = Language tests
# Titles that `resume import jsonresume` gives the lists it brings in.
section-publications = Publications
section-spoken-languages = Languages
section-interests = Interests
section-volunteer = Volunteering
section-references = References

## A project's parts

part-responsibilities = Responsibilities
part-achievements = Achievements
part-troubleshooting = Troubleshooting
# Before a project's technologies on one line.
part-tech = Tech

## Item keys (what the Markdown export writes as `- Key: value`)

field-company = Company
field-period = Period
field-description = Description
field-degree = Degree
field-role = Role
field-department = Team
field-gpa = GPA
field-location = Location
field-link = Link
field-organisation = Organization
field-authors = Authors
field-doi = DOI

## Stack facts

fact-languages = Languages
fact-os = OS
fact-databases = Databases
fact-platform = Platform
fact-ci-cd = CI/CD
fact-monitoring = Monitoring
fact-architecture = Architecture

## Career summary

summary-total = { $duration } in total
# A company renamed during a period: no arrows in English.
company-renamed = { $current } (formerly { $former }, renamed { $month })
company-spanning = { $current } (formerly { $former })
# A row of the 이력서 form whose period spans a rename.
company-formerly = { $current } (formerly { $former })

## Months and periods

month-1 = Jan
month-2 = Feb
month-3 = Mar
month-4 = Apr
month-5 = May
month-6 = Jun
month-7 = Jul
month-8 = Aug
month-9 = Sep
month-10 = Oct
month-11 = Nov
month-12 = Dec
# $month-name is one of the month-N messages, $month the zero-padded number.
date-month = { $month-name } { $year }
date-year = { $year }
date-present = Present
date-range = { $start } – { $end }

## Durations (plural forms chosen by the number)

duration-years =
    { $years ->
        [one] { $years } yr
       *[other] { $years } yrs
    }
duration-months =
    { $months ->
        [one] { $months } mo
       *[other] { $months } mos
    }
duration-years-months = { duration-years } { duration-months }
# Written out, where a duration stands on its own (the career's total).
duration-long-years =
    { $years ->
        [one] { $years } year
       *[other] { $years } years
    }
duration-long-months =
    { $months ->
        [one] { $months } month
       *[other] { $months } months
    }
duration-long-years-months = { duration-long-years } { duration-long-months }

## resume profiles (the command's table)

profiles-profile = PROFILE
profiles-languages = LANGUAGES
profiles-selection = SELECTION
profiles-projects = PROJECTS
profiles-pages = PAGES
profiles-paper = PAPER
profiles-layout = LAYOUT
profiles-description = DESCRIPTION
profiles-documents = DOCUMENTS
profiles-one-pdf = { $documents } (one PDF)
profiles-everything = everything
profiles-only = only { $selectors }
profiles-hide = hide { $selectors }
profiles-kept = { $kept } of { $total }
profiles-max-pages =
    { $pages ->
        [one] at most { $pages } page
       *[other] at most { $pages } pages
    }
profiles-no-limit = no limit

## Letters (personal statements, cover letters)

# The kind of document: a letter of questions and answers, or of paragraphs.
letter-kind-questions = Personal statement
letter-kind-paragraphs = Cover letter
# A letter's date.
letter-date =
    { $day ->
        [none] { $month-name } { $year }
       *[other] { $month-name } { $day }, { $year }
    }
month-long-1 = January
month-long-2 = February
month-long-3 = March
month-long-4 = April
month-long-5 = May
month-long-6 = June
month-long-7 = July
month-long-8 = August
month-long-9 = September
month-long-10 = October
month-long-11 = November
month-long-12 = December
# An answer's limit, as portals state it.
letter-unit-chars = characters
letter-unit-bytes = bytes
letter-limit-max = up to { $max } { $unit }
letter-limit-min = at least { $min } { $unit }
letter-limit-range = { $min } to { $max } { $unit }
letter-spaces-with = spaces included
letter-spaces-without = spaces excluded
# The count under an answer, in its limit's unit.
letter-count = { $count } / { $max } { $unit }
letter-count-plain = { $count } { $unit }

## The 이력서 form (Korean only; these name its parts for tools that read the view)

form-title = Personal history
form-photo = Photo
form-personal = Personal details
form-name = Name
form-name-hangul = Hangul
form-name-hanja = Hanja
form-name-latin = Latin
form-birth-date = Date of birth
form-phone = Mobile
form-email = E-mail
form-address = Address
form-nationality = Nationality
form-visa = Residence status
form-education = Education
form-career = Employment
form-certifications = Certificates and licences
form-languages = Language tests
form-military = Military service
form-awards = Awards and activities
form-period = Period
form-school = School
form-major = Major
form-standing = Status
form-gpa = GPA
form-company = Company
form-department = Department
form-position = Position
form-duties = Duties
form-obtained = Obtained
form-certificate = Certificate
form-issuer = Issuer
form-test-issuer = Administered by
form-awarder = Awarded by
form-test = Test
form-score = Score
form-test-date = Taken
form-branch = Branch
form-rank = Rank
form-service = Service
form-specialty = Specialty
form-exemption = Exemption
form-military-status = Status
form-reason = Reason
military-served = Completed
military-exempt = Exempt
military-not-served = Not yet served
military-serving = Serving
form-award-date = Date
form-award = Award or activity
form-declaration = I certify that the above is true and correct.
form-applicant = Applicant
form-seal = (seal)
form-date = { $month }/{ $day }/{ $year }
standing-graduated = Graduated
standing-completed = Completed
standing-withdrew = Withdrew
standing-enrolled = Enrolled
