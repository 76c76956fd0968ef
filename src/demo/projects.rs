//! The demo trust's projects, in the catalogue's text format (see `catalogue.rs`): about forty
//! charters of the kinds NHS trusts really run, across all six stages and four statuses.

pub(super) const PROJECTS: &str = r#"
=== 6 active 1 shift | Reducing inpatient falls on Ward 10
at: Medicine | Ward 10 (Care of the Elderly)
pb: Ward 10 reported 9.1 falls per 1,000 occupied bed days over the last year against a national average of 6.6 (NAIF 2023); three falls caused moderate harm, including a fractured neck of femur.
aim: Reduce inpatient falls on Ward 10 by 30% by {by}.
in: All adult inpatients on Ward 10, day and night shifts.
out: Falls in the discharge lounge and on other wards; patients under 65.
risk: Staffing gaps on nights may stop the bay-watch rota; enhanced observation competes with other priorities.
m: o | Inpatient falls per 1,000 bed days | falls/1,000 bed days | - | 9.1 | 6.0 | 6.4 | Falls reported on Datix for Ward 10 divided by occupied bed days, times 1,000, per calendar month. | Datix and bed management system
m: p | Lying and standing BP recorded within 24 hours | % of admissions | + | 38 | 82 | 90 | Audit of 20 randomly chosen admissions a month: BP lying and standing documented within 24 hours of admission. | Monthly notes audit
m: b | Patients on enhanced observation | patients/day | = | 4.2 | 4.6 | - | Mean number of patients on enhanced (1:1 or bay) observation at the 08:00 safety huddle. | Safety huddle board
d: Patients at risk are identified early | Falls risk assessment on admission; Lying and standing BP taken
d: Patients are supervised when they need to be | Bay-watch rota visible to all; Call bells and aids within reach
c: Bay-watch rota | A named member of staff stays in each high-risk bay at all times; handed over by lanyard. | 3
c: Falls safety huddle | Two-minute huddle at 08:00 and 20:00 naming the patients at highest risk. | 1,3
c: Lying and standing BP prompt | Prompt on the admission checklist and a sticker on the observation chart. | 2
c: Reach checklist | Call bell, glasses, walking aid and drink within reach, checked on each intentional round. | 4
b: harm_avoided | 14 | falls avoided/year | Fall rate down from 9.1 to about 6 per 1,000 bed days at 4,400 bed days a year.
b: money | 38000 | £/year | Estimated from the NHS Improvement cost of a fall with harm.
n: Handover to the ward manager agreed; the bay-watch rota is now part of the ward's standard work.

=== 6 active 1 shift | Discharge before noon on the Acute Medical Unit
at: Medicine | Acute Medical Unit
pb: Only 14% of AMU discharges left the ward before 12:00 last year, so admissions from ED waited for beds until the evening; mean ED bed wait for medical patients was 5.8 hours.
aim: Increase discharges before noon on AMU from 14% to 33% by {by}.
in: All discharges home or to usual place of residence from AMU.
out: Transfers to other wards, discharges to care homes awaiting assessment.
risk: Pharmacy turnaround for medicines to take out; transport availability before noon.
m: o | Discharges before noon | % of discharges | + | 14 | 31 | 33 | Discharges from AMU with a discharge time before 12:00, as a percentage of all AMU discharges in the month. | Patient administration system
m: p | Criteria-led discharges documented | % of eligible patients | + | 5 | 45 | 50 | Eligible patients with criteria for discharge written on the post-take ward round. | Weekly audit
m: b | Readmissions within 7 days | % of discharges | - | 4.1 | 4.0 | - | AMU discharges readmitted as an emergency within 7 days. | Business intelligence
d: Patients are ready to go early | Plans for discharge made the day before; Criteria-led discharge
d: Nothing holds up the morning | Medicines to take out ready by 10:00; Discharge lounge used by 11:00
c: Criteria-led discharge | Consultant writes discharge criteria; nurses discharge when they are met. | 2
c: Board round at 09:00 | Daily board round naming tomorrow's discharges and what they need. | 1,4
c: TTOs written the day before | Junior doctors write medicines to take out for planned discharges by 16:00 the day before. | 3
b: time_released | 2900 | bed hours/year | Beds free about five hours earlier for a third of AMU discharges.
b: patient_experience | 18 | percentage points | More patients say they knew their discharge plan a day ahead (Friends and Family).

=== 6 completed 1 shift | Sepsis screening and antibiotics within one hour in ED
at: Medicine | Emergency Department
pb: The CQUIN audit found 61% of adults with red-flag sepsis received antibiotics within one hour of arrival; two serious incidents last year involved delayed antibiotics.
aim: Give 90% of adults with red-flag sepsis in ED antibiotics within one hour of arrival by {by}.
in: Adults attending ED who screen positive for red-flag sepsis.
out: Children (paediatric ED has its own pathway); patients arriving by helicopter.
risk: Crowding in majors; new doctors rotating every four months.
m: o | Antibiotics within one hour of arrival | % of red-flag sepsis patients | + | 61 | 88 | 90 | Red-flag sepsis patients given IV antibiotics within 60 minutes of arrival time, per month. | Sepsis audit (e-observations)
m: p | Sepsis screening completed at triage | % of attendances | + | 72 | 95 | 95 | Adult attendances with NEWS2 of 5 or more who have a completed sepsis screen at triage. | ED information system
d: Sepsis is recognised at the door | Screening at triage; NEWS2 escalation
d: Treatment starts without delay | Antibiotics stocked in majors; Nurses start the Sepsis Six
c: Sepsis trolley in majors | Grab trolley with antibiotics, blood culture bottles and fluids in majors. | 3
c: Nurse-initiated Sepsis Six | Patient group direction so nurses can give the first antibiotic dose. | 4
c: Triage screening prompt | Sepsis screen made a mandatory field in triage on the ED system. | 1,2
b: harm_avoided | 6 | deaths avoided/year (estimated) | Based on the 8% relative risk reduction per hour of earlier antibiotics.
n: Project closed at the quality committee; the audit continues as business as usual.

=== 6 completed 1 shift | Preventing pressure ulcers in community nursing caseloads
at: Community | District Nursing (North locality)
pb: Category 2 or worse pressure ulcers acquired on the North locality caseload averaged 11 a month; half were on heels, and equipment took a median of 6 days to arrive.
aim: Reduce newly acquired category 2+ pressure ulcers on the North locality caseload by 40% by {by}.
in: Housebound patients on the district nursing caseload in the North locality.
out: Care homes with nursing; patients under the tissue viability service.
risk: Equipment supplier contract renewal; reliance on family carers for repositioning.
m: o | New category 2+ pressure ulcers | ulcers/month | - | 11 | 6 | 7 | New category 2 or worse pressure ulcers acquired on the caseload and reported on Datix, per month. | Datix
m: p | PURPOSE-T completed at first visit | % of new patients | + | 54 | 91 | 95 | New caseload patients with a PURPOSE-T assessment on the first visit. | SystmOne report
d: Risk is assessed early | PURPOSE-T at first visit; Heel checks on every visit
d: The right equipment arrives quickly | Equipment ordered same day; Stock held in the locality hub
c: Heel-check prompt | SystmOne template prompts a heel check and off-loading advice each visit. | 2
c: Same-day equipment | Trusted assessor ordering of mattresses and heel boots from the hub. | 3,4
c: Carer repositioning leaflet | Picture leaflet for family carers with a turning chart. | 1
b: harm_avoided | 60 | pressure ulcers avoided/year | From 11 to about 6 a month.
b: money | 420000 | £/year | Estimated treatment cost avoided (NICE costing for category 2-4 ulcers).

=== 6 active 1 shift | First-case theatre start times in main theatres
at: Surgery | Main Theatres
pb: Only 35% of elective lists started on time (knife to skin within 15 minutes of the scheduled start) last year, losing an estimated 1,100 theatre hours.
aim: Start 75% of elective lists in main theatres on time by {by}.
in: Weekday elective lists in the eight main theatres.
out: Emergency (CEPOD) theatre, day surgery unit, weekend lists.
risk: Surgeon availability for the 08:00 team brief; ward delays in sending patients.
m: o | Lists starting on time | % of lists | + | 35 | 68 | 75 | Elective lists with knife to skin within 15 minutes of the scheduled start, per month. | Theatre management system
m: p | Patients sent for by 07:45 | % of first patients | + | 40 | 85 | 90 | First patients on the list sent for by 07:45. | Theatre management system
m: b | On-the-day cancellations | % of booked cases | - | 6.5 | 6.0 | - | Elective cases cancelled on the day for non-clinical reasons. | Theatre management system
d: The first patient is ready | Consent and marking done on the ward; Patient sent for by 07:45
d: The team is ready | 08:00 team brief starts on time; Anaesthetic room set up the evening before
c: Consent the day before | First patients consented and marked at pre-op or on the ward the evening before. | 1
c: 07:45 send | Porters booked for 07:45 for the first patient on every list. | 2
c: Huddle at 08:00 sharp | Team brief starts at 08:00 with or without the full team. | 3
c: Evening set-up | Anaesthetic room checked and set up by the late shift. | 4
b: time_released | 620 | theatre hours/year | Sessions now start a median 19 minutes earlier.

=== 6 completed 1 shift | Paperless outpatient clinics in dermatology
at: Clinical Support | Outpatients (Dermatology)
pb: Dermatology clinics printed about 5,200 pages a month and 9% of clinics started late because paper notes were missing.
aim: Run all dermatology outpatient clinics without paper notes by {by}.
in: Consultant and nurse-led dermatology clinics at the main site.
out: Community dermatology clinics; photography service.
risk: Wi-Fi in the outpatient block; clinicians used to paper.
m: o | Pages printed per month | pages | - | 5200 | 900 | 1000 | Pages printed on outpatient printers in dermatology clinic rooms, per month. | Print management system
m: p | Clinics with missing notes | % of clinics | - | 9 | 1 | 2 | Clinics where at least one patient's notes were not available at the start. | Clinic outcome forms
d: Everything a clinician needs is on screen | Referral letters scanned; Clinic letters typed directly
c: Scan referrals on receipt | Referral letters scanned to the EPR on receipt, not filed. | 1
c: Second screen in each clinic room | A second monitor so notes and letters are open together. | 2
b: carbon | 310 | kg CO2e/year | Paper and printing avoided (about 50,000 sheets a year).
b: money | 6400 | £/year | Paper, toner and notes transport.

=== 5 active 2 shift | Time to initial assessment in the Emergency Department
at: Medicine | Emergency Department
pb: Median time from arrival to initial assessment was 34 minutes at busy times, against the 15-minute standard; ambulance handovers queue behind walk-in triage.
aim: Assess 80% of ED patients within 15 minutes of arrival by {by}.
in: All adult walk-in and ambulance attendances to the main ED.
out: Paediatric ED, urgent treatment centre.
risk: Staffing of the streaming nurse role; building works near the front door.
m: o | Initial assessment within 15 minutes | % of attendances | + | 52 | 74 | 80 | Attendances with an initial assessment time within 15 minutes of arrival, per month. | ED information system
m: p | Streaming nurse rota filled | % of shifts | + | 60 | 90 | 95 | Day shifts with a named streaming nurse on the rota at 08:00. | e-Rostering
m: b | Left without being seen | % of attendances | - | 3.2 | 2.9 | - | Attendances that left before being seen by a clinician. | ED information system
d: Patients are seen at the front door | Streaming nurse at the door; Rapid assessment for ambulance arrivals
d: Flow through the department | Triage rooms free; Clear escalation when waits grow
c: Streaming nurse | A senior nurse streams walk-in patients at the front door 10:00-22:00. | 1
c: Rapid assessment bay | Two cubicles reserved for ambulance arrivals with a doctor and a nurse. | 2
c: Triage escalation card | A card of actions when three or more patients wait for triage. | 3,4
b: patient_experience | 35 | % fewer complaints about waiting | Friends and Family comments about waiting to be seen fell by about a third.

=== 5 active 2 trend | Medicines reconciliation within 24 hours of admission
at: Clinical Support | Pharmacy
pb: 48% of adult admissions had their medicines reconciled by a pharmacy professional within 24 hours; unreconciled medicines caused a third of medication incidents on admission.
aim: Reconcile medicines within 24 hours for 80% of adult admissions by {by}.
in: Adult admissions to the medical and surgical wards.
out: Day cases, maternity, critical care (own pharmacist).
risk: Vacancies in pharmacy technician posts; weekend cover.
m: o | Medicines reconciled within 24 hours | % of admissions | + | 48 | 72 | 80 | Adult admissions with a completed medicines reconciliation within 24 hours, per month. | EPMA report
m: p | Technician-led reconciliations | % of reconciliations | + | 20 | 55 | - | Reconciliations completed by a pharmacy technician. | EPMA report
d: Pharmacy staff reach new admissions early | Technicians on the admissions units; Weekend cover
d: Information is easy to find | GP record access; Patients bring their medicines
c: Technician on AMU from 08:00 | A pharmacy technician starts reconciliations on AMU each morning. | 1
c: Summary care record access | All technicians given summary care record access. | 3
c: Green bag scheme | Ambulance crews bring patients' medicines in a green bag. | 4
b: harm_avoided | 120 | medication errors avoided/year (estimated) | From the rate of errors found at reconciliation.

=== 5 active 2 shift | Catheter-associated urinary tract infections on surgical wards
at: Surgery | Wards 5 and 6 (General Surgery)
pb: 17 catheter-associated UTIs in 12 months on the two surgical wards; 30% of catheters had no documented reason and many stayed in beyond 48 hours.
aim: Reduce CAUTIs on Wards 5 and 6 by 50% by {by}.
in: Adult inpatients with urethral catheters on Wards 5 and 6.
out: Urology ward; long-term catheters managed in the community.
risk: Surgeons' preference for catheters after bowel surgery.
m: o | Catheter days between infections | days | + | 30 | 75 | 90 | Catheter days since the previous CAUTI, measured at each month end. | Infection prevention surveillance
m: p | Catheters with a documented reason | % of catheters | + | 70 | 96 | 100 | Catheters with a valid reason recorded in the catheter passport, weekly snapshot. | Weekly audit
d: Catheters are only used when needed | Valid reason documented; Alternatives offered
d: Catheters come out promptly | Daily review of need; Nurse-led removal
c: Catheter passport | One-page passport with reason, insertion date and review boxes. | 1
c: Nurse-led removal (HOUDINI) | Nurses remove catheters when no HOUDINI criterion applies. | 3,4
c: Bladder scanner on each ward | A bladder scanner so retention is checked before catheterising. | 2

=== 5 active 3 trend | Nutrition and hydration on Ward 22
at: Medicine | Ward 22 (Stroke)
pb: Fluid balance charts were complete for 41% of patients who needed them and MUST screening within 24 hours was done for 58%; four acute kidney injuries last quarter were linked to poor intake.
aim: Complete fluid charts and MUST screening for 90% of patients on Ward 22 by {by}.
in: All inpatients on Ward 22.
out: Enteral feeding (dietetics pathway).
risk: Protected mealtimes not respected by visiting teams.
m: o | MUST screening within 24 hours | % of admissions | + | 58 | 85 | 90 | Admissions with MUST completed within 24 hours, from a weekly audit of all admissions. | Nursing documentation audit
m: p | Fluid charts complete | % of charts | + | 41 | 78 | 90 | Fluid balance charts with intake and output totalled at 24 hours, on a day-shift audit. | Ward audit
d: Patients get help to eat and drink | Protected mealtimes; Red trays and red jugs
d: Intake is recorded | Charts easy to complete; Totals checked at handover
c: Red jug scheme | Red lids on jugs for patients who need help to drink; volunteers top up. | 2
c: Mealtime volunteers | Trained volunteers help at lunch and supper. | 1
c: Fluid total at handover | Fluid totals read out at the 20:00 handover. | 3,4

=== 5 active 3 shift | Reducing did-not-attend rates in paediatric outpatients
at: Women & Children | Paediatric Outpatients
pb: 14.5% of paediatric outpatient appointments were not attended last year, about 4,100 slots; DNA rates were highest in the most deprived postcodes.
aim: Reduce the paediatric outpatient DNA rate to 9% by {by}.
in: New and follow-up paediatric outpatient appointments at the main site.
out: Community paediatrics; virtual appointments.
risk: Text reminders depend on up-to-date mobile numbers; equity of access.
m: o | Did-not-attend rate | % of appointments | - | 14.5 | 10.5 | 9 | Appointments recorded as DNA divided by all booked appointments in the month. | Patient administration system
m: p | Families reached by reminder | % of appointments | + | 55 | 80 | - | Appointments with a text or call reminder delivered 3 days before. | Reminder service report
m: b | Slots left unused after cancellation | % of slots | - | 3.0 | 3.4 | - | Slots cancelled by families and not rebooked. | Patient administration system
d: Families remember and can come | Reminders that reach them; Help with travel
d: Appointments suit families | Choice of time; Easy to rearrange
c: Two-way text reminders | Text 3 days before with a reply to cancel or rebook. | 1,4
c: Call the families with repeat DNAs | Clinic coordinator calls families who missed two appointments. | 1,2
c: After-school clinic | One clinic a week from 15:30 to 18:30. | 3
b: money | 48000 | £/year | Slots reused, at the tariff of a follow-up appointment.

=== 5 active 1 shift | Carbon from anaesthetic gases in theatres
at: Surgery | Anaesthetics and Theatres
pb: Desflurane made up 31% of volatile anaesthetic use; anaesthetic gases were about 5% of the trust's carbon footprint, and nitrous oxide manifolds leaked.
aim: Reduce carbon emissions from anaesthetic gases by 50% by {by}.
in: All theatres and the delivery suite.
out: Entonox in ED and ambulances.
risk: Supply of sevoflurane; clinician preference.
m: o | Carbon from volatile anaesthetics | tonnes CO2e/month | - | 42 | 17 | 20 | Purchased volumes of desflurane, sevoflurane and isoflurane converted with published global warming potentials. | Pharmacy purchasing data
m: p | Desflurane share of volatile use | % of volatile (ml) | - | 31 | 3 | 0 | Millilitres of desflurane over all volatile agents purchased. | Pharmacy purchasing data
d: Lower-carbon agents are the default | Desflurane removed; Low fresh gas flows
d: Nitrous oxide is not wasted | Manifold leaks fixed; Cylinders at point of use
c: Remove desflurane vaporisers | Vaporisers withdrawn except one on request in theatre store. | 1
c: Low-flow anaesthesia prompt | Sticker on machines and gas flow shown at the WHO sign-out. | 2
c: Decommission nitrous manifold | Switch to small cylinders at point of use. | 3,4
b: carbon | 250000 | kg CO2e/year | Roughly 25 tonnes a month less than baseline.

=== 5 on_hold 3 common | Mentorship for internationally educated nurses
at: Corporate | Nursing Workforce
pb: 22% of internationally educated nurses left within their first 18 months; exit interviews cite isolation and no named mentor after OSCE.
aim: Reduce 18-month leaving rate of internationally educated nurses to 10% by {by}.
in: Nurses recruited from overseas in the last two years, all divisions.
out: Healthcare support workers; medical staff.
risk: Mentor time not protected; recruitment paused.
m: o | Internationally educated nurses retained at 12 months | % | + | 78 | 86 | 90 | Nurses still in post 12 months after start, rolling cohort, monthly. | ESR workforce report
m: p | New starters with a named mentor | % of starters | + | 35 | 80 | 100 | Starters with a named mentor recorded within 2 weeks of OSCE. | Education team records
d: Nurses feel they belong | Named mentor; Peer network
c: Named mentor within two weeks | Every new starter gets a named mentor from their own ward. | 1
c: Monthly peer circle | An hour a month for new starters with a matron. | 2
n: On hold while international recruitment is paused; to restart with the spring cohort.

=== 5 active 3 trend | What matters to you in maternity
at: Women & Children | Maternity (Labour Ward and Birth Centre)
pb: The CQC maternity survey placed us in the bottom fifth for being listened to; complaints often mention not being involved in decisions.
aim: Raise the share of women who felt listened to on labour ward from 71% to 85% by {by}.
in: Women birthing on labour ward and in the birth centre.
out: Antenatal clinic; neonatal unit.
risk: Survey response rates; staffing on labour ward.
m: o | Felt listened to | % of respondents | + | 71 | 82 | 85 | Respondents to the postnatal text survey answering "always" to "Did you feel listened to?". | Friends and Family text survey
m: p | Birth plans reviewed on admission | % of admissions | + | 45 | 75 | 90 | Admissions in labour with the birth plan discussed and signed by the midwife. | Maternity record audit
d: Women are asked what matters | Birth plan discussed; Preferences on the whiteboard
c: What matters to me board | A whiteboard in each room with the woman's own priorities. | 1,2
c: Birth plan conversation | Midwife reviews the birth plan within an hour of admission. | 1
b: patient_experience | 11 | percentage points | Felt listened to rose from 71% to about 82%.

=== 5 active 2 common stale | Discharge letters sent within 24 hours
at: Medicine | Medical Wards
pb: Only 55% of discharge summaries reached GPs within 24 hours; practices reported medicines changes they did not know about.
aim: Send 90% of medical discharge summaries to GPs within 24 hours by {by}.
in: Discharges from the medical wards.
out: Surgical wards; ED discharges.
risk: Junior doctor rota gaps; EPR downtime.
m: o | Discharge summaries within 24 hours | % of discharges | + | 55 | 62 | 90 | Discharge summaries electronically sent to the GP within 24 hours of discharge. | EPR report
m: p | Summaries started before the day of discharge | % of discharges | + | 20 | 30 | - | Summaries with a draft saved before the day of discharge. | EPR report
d: Summaries are written early | Draft started on admission; Time protected for juniors
c: Draft on the post-take round | The admitting doctor starts the summary on the post-take round. | 1
c: Summary hour | 14:00-15:00 on each ward as protected summary time. | 2
n: No update since the rotation; coach to contact the new lead.

=== 4 active 2 outlier | Hip fracture: time to theatre within 36 hours
at: Surgery | Trauma and Orthopaedics
pb: 58% of hip fracture patients had surgery within 36 hours (NHFD), below the national 68%; delays were mostly waiting for a trauma list or anticoagulation reversal.
aim: Operate on 80% of hip fracture patients within 36 hours of arrival by {by}.
in: Patients aged 60 and over with a hip fracture.
out: Periprosthetic fractures; patients transferred in from other trusts.
risk: Theatre capacity at weekends.
x: Theatres flooded: trauma lists cancelled for a week
m: o | Surgery within 36 hours | % of patients | + | 58 | 58 | 80 | Hip fracture patients operated on within 36 hours of arrival in ED. | National Hip Fracture Database
m: p | Orthogeriatric review within 72 hours | % of patients | + | 80 | 80 | 95 | Patients seen by an orthogeriatrician within 72 hours. | National Hip Fracture Database
d: Patients are fit for theatre sooner | Anticoagulation reversed early; Fluids and pain relief in ED
d: There is a list for them | Ring-fenced hip slot; Weekend trauma list
c: Anticoagulation protocol | ED starts reversal of warfarin and DOACs by protocol. | 1
c: Ring-fenced morning slot | First trauma case of the day reserved for hips. | 3
c: Fascia iliaca block in ED | Nerve block in ED to manage pain before surgery. | 2

=== 4 active 3 common | Insulin safety on medical wards
at: Medicine | Diabetes and Endocrinology
pb: 31 insulin incidents last year, most missed or delayed doses; hypoglycaemia below 4 mmol/l occurred on 9% of inpatient days for people with diabetes.
aim: Reduce inpatient hypoglycaemia episodes by 30% by {by}.
in: Adults with diabetes on insulin on the medical wards.
out: Pregnancy; paediatrics; critical care.
risk: Diabetes specialist nurse vacancy.
m: o | Hypoglycaemia episodes per 100 insulin days | episodes | - | 9 | 9 | 6.3 | Capillary glucose below 4 mmol/l per 100 inpatient insulin days, per month. | Glucose meter data
m: p | Insulin prescribed correctly | % of charts | + | 76 | 76 | 95 | Insulin prescriptions with the word "units" and timing, weekly sample. | EPMA audit
d: Doses are given on time | Mealtime insulin timed with food; Self-administration
c: Insulin self-administration | Patients who are able keep and give their own insulin. | 1,2
c: Hypo box on every ward | Standard hypo box checked daily. | 1

=== 4 active 3 common | Delirium screening on older people's wards
at: Medicine | Wards 8, 9 and 10 (Older People)
pb: Delirium is under-recognised: 4AT screening was done for 30% of patients over 65 within 24 hours of admission, and falls and length of stay are higher for those with delirium.
aim: Screen 85% of patients aged 65 and over for delirium within 24 hours of admission by {by}.
in: Admissions aged 65 and over to Wards 8, 9 and 10.
out: End-of-life care patients.
risk: Competing documentation demands.
m: o | 4AT within 24 hours | % of admissions aged 65+ | + | 30 | 30 | 85 | Admissions aged 65+ with a 4AT score recorded within 24 hours. | e-Observations
d: Delirium is spotted | 4AT on admission; Repeat 4AT after a change
c: 4AT in the admission bundle | The 4AT added to the nursing admission bundle. | 1
c: Family concern prompt | A question for families: is the person more confused than usual? | 2

=== 4 on_hold 0 common | Scheduling community nursing visits
at: Community | District Nursing (South locality)
pb: Nurses spend about 30% of their day driving; visits are planned by hand each morning and time-critical insulin visits clash.
aim: Cut travel time per visit in the South locality by 20% by {by}.
in: District nursing visits in the South locality.
out: Night service; rapid response team.
risk: Scheduling software procurement delayed.
m: o | Travel minutes per visit | minutes | - | 21 | 21 | 17 | Total recorded travel minutes divided by completed visits, monthly. | Mileage and SystmOne visits
d: Visits are planned by area | Zone-based caseloads; Time-critical visits first
c: Zone caseloads | Each nurse works one zone of postcodes. | 1
n: On hold until the scheduling software contract is signed.

=== 4 active 3 common | Timely induction of labour
at: Women & Children | Maternity (Induction Suite)
pb: Women waited a median 19 hours from induction start to transfer to labour ward; complaints about delays doubled.
aim: Transfer 80% of women to labour ward within 12 hours of being ready by {by}.
in: Inductions of labour at term.
out: Emergency inductions.
risk: Labour ward capacity.
m: o | Transfers within 12 hours of readiness | % of inductions | + | 40 | 40 | 80 | Inductions transferred to labour ward within 12 hours of the artificial rupture decision. | Maternity system
d: Induction flows evenly | Bookings spread through the week; Outpatient induction
c: Outpatient balloon induction | Low-risk women go home with a balloon catheter. | 1,2

=== 4 stopped 0 common | Reducing repeat blood tests
at: Clinical Support | Pathology
pb: About 18% of inpatient urea and electrolytes were repeated within 24 hours without a clinical change.
aim: Reduce repeat U&E requests within 24 hours by 30% by {by}.
in: Inpatient requests from medical wards.
out: Critical care, ED, renal.
risk: Clinical pushback.
m: o | Repeat U&E within 24 hours | % of requests | - | 18 | 18 | 12 | U&E requests repeated within 24 hours for the same patient. | Laboratory system
d: Requests are justified | Request prompts; Feedback to teams
c: Order comms prompt | Warning when a U&E was done in the last 24 hours. | 1
n: Stopped: the new order communications system (due next year) will prompt for repeat requests; the team will rejoin then.

=== 4 active 0 common | Tree planting and green space for staff
at: Corporate | Estates and Facilities
pb: The staff survey shows 40% of staff never take a break outdoors; the site has no green space near the wards, and the trust's green plan commits to more trees.
aim: Plant 300 trees and open a staff garden so 60% of staff report a break outdoors weekly by {by}.
in: Main hospital site, all staff.
out: Community sites.
risk: Planning permission; maintenance funding.
m: o | Staff taking a break outdoors weekly | % of respondents | + | 38 | 38 | 60 | Pulse survey: "In the last week I took at least one break outdoors". | Monthly staff pulse survey
d: Staff have somewhere green to go | Staff garden; Trees along the main path
c: Staff garden by the education centre | Volunteers plant and keep a garden with seating. | 1
c: Tree planting days | Staff planting days with the local woodland trust. | 2

=== 3 active 2 common | Patient-initiated follow-up in rheumatology
at: Medicine | Rheumatology Outpatients
pb: 6,000 routine follow-ups a year; a third of patients are stable and tell us they would rather call when they need us.
aim: Move 25% of stable rheumatology follow-ups to patient-initiated follow-up by {by}.
in: Stable inflammatory arthritis patients.
out: Patients on new biologics in their first year.
risk: Helpline capacity.
m: o | Follow-ups on PIFU | % of follow-ups | + | 4 | 4 | 25 | Patients on a PIFU pathway as a share of all follow-up patients. | Patient administration system
n: Process map done with patients; the helpline is the bottleneck.

=== 3 active 2 outlier | Radiology reporting turnaround for inpatient CT
at: Clinical Support | Radiology
pb: Median time from inpatient CT scan to report was 14 hours; ward rounds wait for reports before deciding discharges.
aim: Report 90% of inpatient CTs within 6 hours by {by}.
in: Inpatient CT, weekdays.
out: Outsourced out-of-hours reporting.
risk: Radiologist vacancies.
x: CT scanner out of action for nine days
m: o | Inpatient CT reported within 6 hours | % of scans | + | 48 | 48 | 90 | Inpatient CT scans with a verified report within 6 hours of scan completion. | Radiology information system

=== 3 active 0 common stale | Time in ED for people in mental health crisis
at: Medicine | Emergency Department
pb: Adults in mental health crisis spent a median of 13 hours in ED; 12-hour breaches for this group rose each quarter.
aim: Halve the median ED stay for adults in mental health crisis by {by}.
in: Adults referred to the liaison psychiatry team from ED.
out: Children and young people.
risk: Mental health bed availability sits with a partner trust.
m: o | Median ED stay, mental health crisis | hours | - | 13 | 13 | 6.5 | Median time from arrival to departure for adults referred to liaison psychiatry. | ED information system
n: Waiting for data sharing agreement with the mental health trust.

=== 3 active 3 common | Smoking cessation in pregnancy
at: Women & Children | Antenatal Care
pb: 11% of women smoke at the time of delivery, above the national ambition of 6%; referral to the stop smoking service happens for half of those who smoke at booking.
aim: Reduce smoking at time of delivery to 8% by {by}.
in: Women booking for antenatal care.
out: Partners and household members.
risk: Funding for the in-house tobacco dependence adviser.
m: o | Smoking at time of delivery | % of births | - | 11 | 11 | 8 | Women recorded as smokers at delivery. | Maternity system
m: p | Opt-out referral at booking | % of smokers at booking | + | 50 | 50 | 95 | Smokers at booking referred to the stop smoking service. | Maternity system

=== 3 active 0 common | Missed insulin visits in the community
at: Community | District Nursing (Central locality)
pb: Eight insulin visits a month were late by more than an hour; two led to hospital admission.
aim: Deliver 98% of time-critical insulin visits within 30 minutes of the planned time by {by}.
in: Insulin-dependent patients visited by district nurses in the Central locality.
out: Patients who self-administer.
risk: Sickness in the team.
m: o | Insulin visits on time | % of visits | + | 92 | 92 | 98 | Insulin visits within 30 minutes of the planned time. | SystmOne visit log

=== 3 active 3 outlier | Sickness absence in estates and facilities
at: Corporate | Estates and Facilities
pb: Sickness absence in domestic and portering teams was 8.2%, double the trust average; musculoskeletal problems were the main reason.
aim: Reduce sickness absence in domestic and portering teams to 5.5% by {by}.
in: Domestic and portering staff at the main site.
out: Contractors.
risk: Shift patterns set by the contract.
x: Norovirus outbreak among staff
m: o | Sickness absence | % of FTE days | - | 8.2 | 8.2 | 5.5 | FTE days lost to sickness over available FTE days, monthly. | ESR
n: Staff focus groups done; musculoskeletal and stress themes.

=== 3 on_hold 1 common | Cancelled operations on the day
at: Surgery | Surgical Admissions Lounge
pb: 6% of elective operations were cancelled on the day; a quarter for non-clinical reasons such as no bed.
aim: Reduce non-clinical on-the-day cancellations by 50% by {by}.
in: Elective inpatient operations.
out: Day cases.
risk: Winter bed pressures.
m: o | Non-clinical on-the-day cancellations | % of booked cases | - | 1.6 | 1.6 | 0.8 | Operations cancelled on the day for non-clinical reasons. | Theatre management system
n: Paused for winter: beds are the main cause and out of the team's control until spring.

=== 2 active 0 none | Same-day emergency care for frailty
at: Medicine | Frailty Service
pb: Frail older people referred by GPs are admitted for a day or two when a same-day assessment would do.
aim: Send home the same day 40% of frail patients referred by GPs by {by}.
in: Patients with a Clinical Frailty Scale of 5 or more referred by GPs.
out: Patients arriving by ambulance.
risk: Space in the SDEC unit.

=== 2 active 0 none | Asthma discharge bundle for children
at: Women & Children | Paediatric Wards
pb: One in five children admitted with asthma is readmitted within a year; inhaler technique is rarely checked before discharge.
aim: Give 90% of children discharged after asthma an asthma bundle by {by}.
in: Children aged 5 to 16 admitted with asthma.
out: Under-fives with viral wheeze.
risk: Nurse specialist time.

=== 2 active 0 none | Clinical waste segregation on wards
at: Corporate | Sustainability
pb: 70% of ward waste goes in the clinical stream, which costs five times more and is incinerated; audits find most of it is domestic waste.
aim: Reduce clinical waste from wards by 25% by {by}.
in: Adult inpatient wards at the main site.
out: Theatres; laboratories.
risk: Infection prevention concerns.

=== 2 active 0 none | ReSPECT conversations in community care
at: Community | Community Palliative Care
pb: Half of the people who died on our caseload had no ReSPECT form; unwanted admissions in the last weeks of life followed.
aim: Complete ReSPECT forms for 80% of people on the palliative register by {by}.
in: Adults on the community palliative care register.
out: Care homes.
risk: Difficult conversations take time to train.

=== 2 active 0 none | Preceptorship for newly qualified nurses
at: Corporate | Nursing Workforce
pb: 18% of newly qualified nurses leave in their first year; the preceptorship offer varies by ward.
aim: Keep 92% of newly qualified nurses in post at 12 months by {by}.
in: Newly qualified nurses and midwives.
out: Return-to-practice nurses.
risk: Ward managers releasing preceptors.

=== 2 stopped 1 none | Handover in intensive care
at: Surgery | Critical Care
pb: Handover at the shift change takes an average of 45 minutes and information is missed.
aim: Shorten nursing handover in ICU to 25 minutes by {by}.
in: Nursing handovers in ICU.
out: Medical handover.
risk: A regional network project covers the same ground.
n: Stopped: merged into the regional critical care handover project; lessons passed to that team.

=== 1 active 0 none | Virtual ward step-down from respiratory wards
at: Community | Virtual Ward
pb: Patients with COPD stay two extra days waiting for oxygen review at home.
aim: Step down 30 patients a month from respiratory wards to the virtual ward by {by}.
in: Adults with COPD on the respiratory wards.
out: Patients on home ventilation.
risk: Remote monitoring kit supply.

=== 1 active 0 none | Waiting for transport in the discharge lounge
at: Corporate | Patient Flow
pb: Patients wait over four hours in the discharge lounge for hospital transport.
aim: Cut waits for transport in the discharge lounge to under two hours by {by}.
in: Discharge lounge patients needing hospital transport.
out: Private transport.
risk: Transport is contracted out.

=== 1 active 0 none | Digital pre-operative assessment questionnaire
at: Surgery | Pre-operative Assessment
pb: Every patient gets a face-to-face pre-op appointment, although half are low risk.
aim: Complete 50% of low-risk pre-op assessments digitally by {by}.
in: Adult elective surgery patients.
out: Cardiac surgery.
risk: Digital exclusion.

=== 1 active 0 none | Breastfeeding support after discharge
at: Women & Children | Community Midwifery
pb: Breastfeeding rates fall from 74% at birth to 41% at 6-8 weeks.
aim: Raise breastfeeding at 6-8 weeks to 50% by {by}.
in: Women birthing at the trust.
out: Neonatal unit babies.
risk: Infant feeding team capacity.

=== 1 active 0 none | Lower-carbon inhalers in respiratory clinic
at: Medicine | Respiratory Outpatients
pb: Most inhalers prescribed from clinic are metered-dose inhalers with a high carbon footprint.
aim: Switch 40% of suitable patients to dry powder inhalers by {by}.
in: Respiratory clinic patients with asthma or COPD.
out: Children.
risk: Patient preference and technique.
"#;
