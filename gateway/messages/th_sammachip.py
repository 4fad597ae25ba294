"""Thai for reports and the Sammachip programme's records: fiscal-year targets, sub-district
community plans, occupation groups' OTOP products and monthly reports, and the table."""

MESSAGES = {
    # fiscal-year targets
    "a Buddhist-era fiscal year from {first} to {last}": "ปีงบประมาณ (พ.ศ.) ตั้งแต่ {first} ถึง {last}",
    "a whole number from 0 to {most}": "จำนวนเต็มตั้งแต่ 0 ถึง {most}",
    "a percentage from 0 to 100": "ร้อยละตั้งแต่ 0 ถึง 100",
    "a percentage needs villages_with_trainer_team": (
        "การระบุเป็นร้อยละต้องระบุจำนวนหมู่บ้านที่มีทีมวิทยากร (villages_with_trainer_team) ด้วย"
    ),
    "give the villages as a count or a percentage, not both": (
        "ระบุจำนวนหมู่บ้านเป็นจำนวนหรือเป็นร้อยละอย่างใดอย่างหนึ่ง ไม่ใช่ทั้งสองอย่าง"
    ),
    "more than the target villages": "มากกว่าจำนวนหมู่บ้านเป้าหมาย",
    "needed to replace targets": "ต้องระบุเพื่อแทนที่เป้าหมายเดิม",
    "no Sammachip targets for {area} in {year}": (
        "ไม่พบเป้าหมายสัมมาชีพของพื้นที่ {area} ในปีงบประมาณ {year}"
    ),
    (
        "targets are already set for this area and year; "
        "send If-Match with their ETag to replace them"
    ): ("ตั้งเป้าหมายของพื้นที่และปีนี้ไว้แล้ว หากต้องการแทนที่ ให้ส่ง If-Match พร้อม ETag ของเป้าหมายนั้น"),
    "targets are set by an administrator or the provincial supervisor": (
        "เป้าหมายกำหนดโดยผู้ดูแลระบบหรือผู้บังคับบัญชาระดับจังหวัดเท่านั้น"
    ),
    "the targets cannot be set as given": "ไม่สามารถกำหนดเป้าหมายตามข้อมูลที่ส่งมาได้",
    "area {area} not found": "ไม่พบพื้นที่ {area}",
    # sub-district community plans
    "plan {id} not found": "ไม่พบแผน {id}",
    "one plan per sub-district and fiscal year": "ตำบลหนึ่งมีแผนได้หนึ่งแผนต่อปีงบประมาณ",
    "this sub-district already has its plan for that fiscal year; change that one instead": (
        "ตำบลนี้มีแผนของปีงบประมาณนั้นแล้ว กรุณาแก้ไขแผนเดิมแทน"
    ),
    "only supervisors over the sub-district record its plan": (
        "เฉพาะผู้บังคับบัญชาที่รับผิดชอบตำบลนี้เท่านั้นที่บันทึกแผนของตำบลได้"
    ),
    "only supervisors over the sub-district change its plan": (
        "เฉพาะผู้บังคับบัญชาที่รับผิดชอบตำบลนี้เท่านั้นที่แก้ไขแผนของตำบลได้"
    ),
    # occupation groups after training
    "from 1 to 5 stars, or null when not rated": "ตั้งแต่ 1 ถึง 5 ดาว หรือ null เมื่อยังไม่ได้รับการจัดระดับ",
    "the OTOP product cannot be recorded as given": "ไม่สามารถบันทึกผลิตภัณฑ์ OTOP ตามข้อมูลที่ส่งมาได้",
    "only supervisors over the village record its groups' products": (
        "เฉพาะผู้บังคับบัญชาที่รับผิดชอบหมู่บ้านนี้เท่านั้นที่บันทึกผลิตภัณฑ์ของกลุ่มได้"
    ),
    "a month written YYYY-MM, from 2000-01": "เดือนในรูปแบบ YYYY-MM (ค.ศ.) ตั้งแต่ 2000-01",
    "a month that has begun (not after the current one)": "เดือนที่เริ่มแล้ว (ไม่เกินเดือนปัจจุบัน)",
    "one report per group and month": "กลุ่มหนึ่งรายงานได้หนึ่งครั้งต่อเดือน",
    "the group already reported for this month; replace that report (PUT with If-Match)": (
        "กลุ่มนี้รายงานของเดือนนี้แล้ว หากต้องการแทนที่ ให้ส่ง PUT พร้อม If-Match"
    ),
    "no report of group {id} for {period}": "ไม่พบรายงานของกลุ่ม {id} สำหรับเดือน {period}",
    "only supervisors, coordinators and experts over the village report": (
        "เฉพาะผู้บังคับบัญชา ผู้ประสานงานระดับตำบล และพัฒนากรที่รับผิดชอบหมู่บ้านนี้เท่านั้นที่รายงานได้"
    ),
    # reports and their formats
    "give an area or a team, not both": "ระบุพื้นที่หรือทีมอย่างใดอย่างหนึ่ง ไม่ใช่ทั้งสองอย่าง",
    "this report is made per area only; ask it with area": (
        "รายงานนี้จัดทำตามพื้นที่เท่านั้น กรุณาระบุพื้นที่ (area)"
    ),
    "a team's report has a row per village": "รายงานของทีมแสดงหนึ่งแถวต่อหนึ่งหมู่บ้าน",
    "this report has a row per team": "รายงานนี้แสดงหนึ่งแถวต่อหนึ่งทีม",
    "must be a level below the area asked for": "ต้องเป็นระดับพื้นที่ที่ต่ำกว่าพื้นที่ที่ขอ",
    "no report named {name}; GET /api/v1/reports lists them": (
        "ไม่มีรายงานชื่อ {name} (ดูรายชื่อรายงานได้ที่ GET /api/v1/reports)"
    ),
    "reports are made as one of {formats}": "รายงานจัดทำได้ในรูปแบบ {formats} เท่านั้น",
    "th or en": "th หรือ en",
    # the programme's table
    "reports are for supervisors, coordinators, experts and administrators": (
        "รายงานสำหรับผู้บังคับบัญชา ผู้ประสานงานระดับตำบล พัฒนากร และผู้ดูแลระบบ"
    ),
    "the Sammachip table is kept for a province or a district": (
        "ตารางสัมมาชีพจัดทำสำหรับระดับจังหวัดหรืออำเภอเท่านั้น"
    ),
    "the Sammachip table's rows are districts or tambons": (
        "แถวของตารางสัมมาชีพเป็นระดับอำเภอหรือตำบลเท่านั้น"
    ),
    # around a cohort: willingness, follow-ups, results after training
    "said it does not want to join this cohort": "ครัวเรือนแจ้งว่าไม่สมัครใจเข้าร่วมรุ่นนี้",
    "not a sage of this trainer team nor the recorder": ("ไม่ใช่ปราชญ์ในทีมวิทยากรนี้และไม่ใช่ผู้บันทึก"),
    "follow-up {id} not found": "ไม่พบการติดตามผล {id}",
    "the follow-up is already recorded as done": "การติดตามผลนี้บันทึกว่าทำแล้ว",
    "must not lie in the future": "ต้องไม่เป็นวันในอนาคต",
    "the cohort has not completed its training yet": "รุ่นนี้ยังฝึกอบรมไม่จบ",
    "did not finish this cohort's training": "ครัวเรือนนี้ไม่ได้ฝึกอบรมจบในรุ่นนี้",
    "3 or 6 months after training": "3 หรือ 6 เดือนหลังการฝึกอบรม",
    "that checkpoint after training has not come yet": "ยังไม่ถึงกำหนดติดตามผลหลังการฝึกอบรมครั้งนั้น",
    "a result is already recorded for this household and checkpoint": (
        "บันทึกผลของครัวเรือนนี้ในการติดตามครั้งนี้ไว้แล้ว"
    ),
    "differs from the recorded result": "ไม่ตรงกับผลที่บันทึกไว้",
    # the sage survey, lead-trainer courses and the model household
    "sage {id} not found": "ไม่พบปราชญ์ชุมชน {id}",
    "course {id} not found": "ไม่พบหลักสูตร {id}",
    "the sage cannot be recorded as given": "บันทึกปราชญ์ชุมชนตามข้อมูลที่ให้มาไม่ได้",
    "the course cannot be recorded as given": "บันทึกหลักสูตรตามข้อมูลที่ให้มาไม่ได้",
    "the course runs {days} days": "หลักสูตรใช้เวลา {days} วัน",
    "this person's area lies outside the course's area": "พื้นที่ของบุคคลนี้อยู่นอกพื้นที่ของหลักสูตร",
    "only supervisors over the area record the sage survey and courses": (
        "เฉพาะหัวหน้างานที่ดูแลพื้นที่เท่านั้นที่บันทึกการสำรวจปราชญ์และหลักสูตรได้"
    ),
    "only supervisors over the district select its model household": (
        "เฉพาะหัวหน้างานที่ดูแลอำเภอเท่านั้นที่คัดเลือกครัวเรือนสัมมาชีพตัวอย่างได้"
    ),
    "no model household for {area} in {year}": (
        "ไม่พบครัวเรือนสัมมาชีพตัวอย่างของ {area} ในปีงบประมาณ {year}"
    ),
    "the district's women's development committee is not registered": (
        "อำเภอนี้ยังไม่ได้ลงทะเบียนคณะกรรมการพัฒนาสตรีอำเภอ (กพสอ.)"
    ),
    "no women's development committee": "ไม่มีคณะกรรมการพัฒนาสตรีอำเภอ",
    "not a household trained in this district": "ไม่ใช่ครัวเรือนที่ผ่านการฝึกอาชีพในอำเภอนี้",
    "at least one skill": "ต้องระบุความรู้ความสามารถอย่างน้อยหนึ่งอย่าง",
    "the district's model household of this year is chosen; send If-Match with its ETag to "
    "replace it": ("อำเภอนี้คัดเลือกครัวเรือนสัมมาชีพตัวอย่างของปีนี้แล้ว กรุณาส่ง If-Match พร้อม ETag เพื่อเปลี่ยน"),
    "needed to replace the model household": "ต้องระบุเพื่อเปลี่ยนครัวเรือนสัมมาชีพตัวอย่าง",
}
