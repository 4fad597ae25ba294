"""Thai for the households service: the registry, the case, plans, visits, interventions,
imports."""

MESSAGES = {
    "no such plan of household {id}": "ไม่พบแผนนี้ของครัวเรือน {id}",
    "no such intervention of household {id}": "ไม่พบการช่วยเหลือนี้ของครัวเรือน {id}",
    "a correction of the registry needs a reason": "การแก้ไขข้อมูลทะเบียนต้องระบุเหตุผล",
    "household {id} not found": "ไม่พบครัวเรือน {id}",
    "the household cannot be registered as given": "ลงทะเบียนครัวเรือนตามข้อมูลที่ให้มาไม่ได้",
    "the household changed meanwhile; reload it and retry": (
        "ข้อมูลครัวเรือนถูกแก้ไขไปแล้ว กรุณาโหลดใหม่แล้วลองอีกครั้ง"
    ),
    "must be 8 digits: tambon code (6) and village number (2)": (
        "ต้องเป็นตัวเลข 8 หลัก: รหัสตำบล 6 หลักและหมู่ที่ 2 หลัก"
    ),
    "must be 4 digits": "ต้องเป็นตัวเลข 4 หลัก",
    "exactly one member must be the head (found {count})": (
        "ต้องมีหัวหน้าครัวเรือนหนึ่งคนพอดี (พบ {count} คน)"
    ),
    "the same national ID appears twice": "มีเลขประจำตัวประชาชนซ้ำกัน",
    "must be at least the members named and at most {most}": (
        "ต้องไม่น้อยกว่าจำนวนสมาชิกที่ระบุ และไม่เกิน {most} คน"
    ),
    "must be male or female": "ต้องเป็นชายหรือหญิง",
    "must be risk levels separated by commas, each one of low, medium, high, critical": (
        "ต้องเป็นระดับความเสี่ยงคั่นด้วยจุลภาค แต่ละค่าเป็น low, medium, high หรือ critical"
    ),
    "already belongs to another active household": "เป็นสมาชิกของครัวเรือนอื่นที่ยังดำเนินการอยู่แล้ว",
    "a member already belongs to another active household": (
        "มีสมาชิกที่อยู่ในครัวเรือนอื่นที่ยังดำเนินการอยู่แล้ว"
    ),
    "already used for a different registration": "ถูกใช้กับการลงทะเบียนอื่นไปแล้ว",
    "a BMN result needs the annual income": "ผลการสำรวจ จปฐ. ต้องมีรายได้ต่อปี",
    "must not be before since": "ต้องไม่ก่อนวันเริ่มต้น (since)",
    "the period is longer than a year": "ช่วงเวลายาวเกินหนึ่งปี",
    "no area of yours to search": "ไม่มีพื้นที่ในความรับผิดชอบของท่านให้ค้นหา",
    "BMN indicator codes look like 7 or 7.1": "รหัสตัวชี้วัด จปฐ. ต้องเป็นรูปแบบ 7 หรือ 7.1",
    "no BMN income threshold is configured for it": "ยังไม่ได้กำหนดเกณฑ์รายได้ จปฐ. ของปีนี้",
    "outside the areas you are responsible for": "อยู่นอกพื้นที่ที่คุณรับผิดชอบ",
    "plans are approved by a district expert or supervisor covering the household's area": (
        "แผนต้องอนุมัติโดยผู้เชี่ยวชาญระดับอำเภอหรือหัวหน้างานที่ดูแลพื้นที่ของครัวเรือน"
    ),
    "a plan cannot be approved or returned by the person who submitted it": (
        "ผู้ส่งแผนจะอนุมัติหรือส่งคืนแผนของตนเองไม่ได้"
    ),
    # the case
    "a case in stage {stage} cannot move to {to_stage}": (
        "กรณีที่อยู่ในขั้น{stage} จะย้ายไปขั้น{to_stage}ไม่ได้"
    ),
    "consent is recorded in stage target, not {stage}": (
        "บันทึกความยินยอมได้ในขั้นชี้เป้าชีวิตเท่านั้น ไม่ใช่ขั้น{stage}"
    ),
    "the household must be told before it answers": "ต้องแจ้งครัวเรือนก่อนจึงจะบันทึกคำตอบได้",
    "name the other household this one duplicates": "กรุณาระบุครัวเรือนที่ซ้ำกับครัวเรือนนี้",
    "no such household within your reach": "ไม่พบครัวเรือนนี้ในพื้นที่ที่คุณดูแล",
    "visits are logged on open cases, not in stage {stage}": (
        "บันทึกการเยี่ยมได้เฉพาะกรณีที่ยังเปิดอยู่ ไม่ใช่ขั้น{stage}"
    ),
    # plans
    "this household has no plan yet": "ครัวเรือนนี้ยังไม่มีแผน",
    "plans are made in stages compass, manage and care, not {stage}": (
        "จัดทำแผนได้ในขั้นจัดทำเข็มทิศชีวิต บริหารจัดการชีวิต และดูแลชีวิตเท่านั้น ไม่ใช่ขั้น{stage}"
    ),
    "a plan needs at least one goal before it is submitted": "แผนต้องมีเป้าหมายอย่างน้อยหนึ่งข้อก่อนส่ง",
    "a {status} plan cannot be {doing}": "แผนสถานะ{status} จะ{doing}ไม่ได้",
    "the plan changed meanwhile; reload it and retry": ("แผนถูกแก้ไขไปแล้ว กรุณาโหลดใหม่แล้วลองอีกครั้ง"),
    # interventions
    "intervention {id} not found": "ไม่พบความช่วยเหลือ {id}",
    "interventions carry out an approved plan (stages manage and care), not stage {stage}": (
        "ความช่วยเหลือเป็นไปตามแผนที่อนุมัติแล้ว (ขั้นบริหารจัดการชีวิตและดูแลชีวิต) ไม่ใช่ขั้น{stage}"
    ),
    "a referral names the agency it goes to": "การส่งต่อต้องระบุหน่วยงานที่รับเรื่อง",
    "funding access needs amount, purpose and term": (
        "การขอเข้าถึงแหล่งทุนต้องระบุจำนวนเงิน วัตถุประสงค์ และระยะเวลา"
    ),
    "a {status} intervention cannot become {to_status}": (
        "ความช่วยเหลือสถานะ{status} จะเปลี่ยนเป็นสถานะ{to_status}ไม่ได้"
    ),
    "the intervention changed meanwhile; reload it and retry": (
        "ความช่วยเหลือถูกแก้ไขไปแล้ว กรุณาโหลดใหม่แล้วลองอีกครั้ง"
    ),
    # imports
    "import {id} not found": "ไม่พบการนำเข้า {id}",
    "an import holds at most {size} bytes": "ไฟล์นำเข้ามีขนาดได้ไม่เกิน {size} ไบต์",
    "a chunk holds at most {size} bytes": "ข้อมูลแต่ละส่วนมีขนาดได้ไม่เกิน {size} ไบต์",
    "chunk {sequence} was already received with other bytes": (
        "ได้รับข้อมูลส่วนที่ {sequence} ไปแล้ว แต่เนื้อหาไม่ตรงกัน"
    ),
    "chunks are missing: {count} of {total}": "ข้อมูลบางส่วนขาดหายไป: ได้รับ {count} จาก {total} ส่วน",
    "the header lacks columns: {columns}": "แถวหัวตารางไม่มีคอลัมน์: {columns}",
    "the import is {status}, not {expected}": "การนำเข้าอยู่ในสถานะ{status} ไม่ใช่{expected}",
    "the file is empty": "ไฟล์ว่างเปล่า",
    "not an XLSX workbook": "ไม่ใช่ไฟล์ XLSX",
    "not a readable XLSX workbook": "อ่านไฟล์ XLSX นี้ไม่ได้",
    "binary data, not a CSV text file (UTF-8 or TIS-620)": (
        "เป็นข้อมูลไบนารี ไม่ใช่ไฟล์ข้อความ CSV (UTF-8 หรือ TIS-620)"
    ),
    "the text is neither UTF-8 nor TIS-620 (Thai Windows, cp874)": (
        "ข้อความไม่ได้เข้ารหัสแบบ UTF-8 หรือ TIS-620 (Thai Windows, cp874)"
    ),
    # household upkeep
    "a household cannot merge into itself": "ครัวเรือนรวมเข้ากับตัวเองไม่ได้",
    "a household has at most {most} people": "ครัวเรือนหนึ่งมีสมาชิกได้ไม่เกิน {most} คน",
    "already the head of the household": "เป็นหัวหน้าครัวเรือนอยู่แล้ว",
    "member not found": "ไม่พบสมาชิก",
    "must be moved_out or deceased": "ต้องเป็น moved_out (ย้ายออก) หรือ deceased (เสียชีวิต)",
    "must not be before the household was registered": "ต้องไม่ก่อนวันที่ขึ้นทะเบียนครัวเรือน",
    "name another household": "กรุณาระบุครัวเรือนอื่น",
    "name the member who becomes the head": "กรุณาระบุสมาชิกที่จะเป็นหัวหน้าครัวเรือน",
    "not a current member of the household": "ไม่ใช่สมาชิกปัจจุบันของครัวเรือน",
    "only a leaving head names a new head": "ระบุหัวหน้าครัวเรือนคนใหม่ได้เฉพาะเมื่อหัวหน้าคนเดิมออกไป",
    "the household's case is closed": "กรณีของครัวเรือนนี้ปิดแล้ว",
    "the last member cannot leave: record the household as moved away": (
        "สมาชิกคนสุดท้ายออกไม่ได้ ให้บันทึกว่าครัวเรือนย้ายออกไปแทน"
    ),
    "the member cannot be added as given": "เพิ่มสมาชิกตามข้อมูลที่ให้มาไม่ได้",
    "the member is already in this household": "สมาชิกอยู่ในครัวเรือนนี้อยู่แล้ว",
    "the members of a case in stage {stage} do not change": (
        "สมาชิกของกรณีที่อยู่ในขั้น {stage} เปลี่ยนแปลงไม่ได้"
    ),
    "the person already belongs to another active household": "บุคคลนี้อยู่ในครัวเรือนอื่นที่ยังดำเนินการอยู่แล้ว",
    "the person was recorded as deceased": "บุคคลนี้ถูกบันทึกว่าเสียชีวิตแล้ว",
    "was recorded as deceased": "ถูกบันทึกว่าเสียชีวิตแล้ว",
    "would hold more than {most} people": "จะมีสมาชิกเกิน {most} คน",
}
