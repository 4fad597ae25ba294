"""Thai for the funding service (savings groups, members, loans, collection sheets) and the
notifications service (inboxes, deliveries, escalations)."""

MESSAGES = {
    # groups and networks
    "group {id} not found": "ไม่พบกลุ่ม {id}",
    "network {id} not found": "ไม่พบเครือข่าย {id}",
    "the group cannot be registered as given": "ลงทะเบียนกลุ่มตามข้อมูลที่ให้มาไม่ได้",
    "the group cannot be changed as given": "แก้ไขข้อมูลกลุ่มตามที่ให้มาไม่ได้",
    "a group needs at least one committee member": "กลุ่มต้องมีกรรมการอย่างน้อยหนึ่งคน",
    "the same person sits twice": "มีบุคคลเดียวกันเป็นกรรมการซ้ำ",
    "the group's village is outside its district": "หมู่บ้านของกลุ่มอยู่นอกอำเภอของเครือข่าย",
    "must be 1 to {months} months": "ต้องเป็น 1 ถึง {months} เดือน",
    "you may read this {what} but not record for it": "คุณดูข้อมูล{what}นี้ได้ แต่บันทึกรายการให้ไม่ได้",
    # members and savings
    "member {id} not found": "ไม่พบสมาชิก {id}",
    "member {id} not found in this group": "ไม่พบสมาชิก {id} ในกลุ่มนี้",
    "this household is already an active member of a group": "ครัวเรือนนี้เป็นสมาชิกของกลุ่มอยู่แล้ว",
    "this member belongs to another household": "สมาชิกคนนี้อยู่ในครัวเรือนอื่น",
    "the member has left the group": "สมาชิกคนนี้ลาออกจากกลุ่มแล้ว",
    "less than the group's minimum monthly saving": "น้อยกว่าเงินสัจจะขั้นต่ำต่อเดือนของกลุ่ม",
    "more than the member's savings": "มากกว่าเงินออมของสมาชิก",
    "would leave less than the group's minimum balance": "จะทำให้เงินออมคงเหลือต่ำกว่าขั้นต่ำของกลุ่ม",
    "the member's loans need these savings as cover": "เงินออมส่วนนี้ต้องใช้ค้ำประกันเงินกู้ของสมาชิก",
    "more than the group's cash": "มากกว่าเงินสดของกลุ่ม",
    "the group's cash does not cover this": "เงินสดของกลุ่มไม่พอสำหรับรายการนี้",
    # funding requests and loans
    "funding request {id} not found": "ไม่พบคำขอเข้าถึงแหล่งทุน {id}",
    "the request is already {status}": "คำขอนี้อยู่ในสถานะ{status}แล้ว",
    "say why the request is declined": "กรุณาระบุเหตุผลที่ไม่อนุมัติคำขอ",
    "no granted funding request of this member": "สมาชิกคนนี้ไม่มีคำขอเข้าถึงแหล่งทุนที่ได้รับอนุมัติ",
    "this request already has its loan": "คำขอนี้มีเงินกู้แล้ว",
    "loan {id} not found": "ไม่พบเงินกู้ {id}",
    "more than the group lends this member": "มากกว่าวงเงินที่กลุ่มให้สมาชิกคนนี้กู้ได้",
    "longer than the group's longest term": "นานกว่าระยะเวลากู้สูงสุดของกลุ่ม",
    "the loan is outside the group's rules": "เงินกู้ไม่เป็นไปตามระเบียบของกลุ่ม",
    "a loan that is {status} cannot be {done}": "เงินกู้สถานะ{status} จะ{done}ไม่ได้",
    "a loan is approved by an officer other than the one who recorded it": (
        "ผู้อนุมัติเงินกู้ต้องไม่ใช่เจ้าหน้าที่คนเดียวกับผู้บันทึกคำขอกู้"
    ),
    "nobody approves a loan to themselves": "อนุมัติเงินกู้ให้ตนเองไม่ได้",
    "before the loan was disbursed": "ก่อนวันที่จ่ายเงินกู้",
    "more than what settles the loan": "มากกว่ายอดที่ต้องชำระเพื่อปิดเงินกู้",
    "only a loan more than {days} days overdue is written off": (
        "ตัดหนี้สูญได้เฉพาะเงินกู้ที่ค้างชำระเกิน {days} วัน"
    ),
    # collection sheets
    "the sheet was not posted: {count} of its lines are wrong": (
        "ยังไม่ได้บันทึกใบเก็บเงิน: มี {count} รายการที่ไม่ถูกต้อง"
    ),
    "at most {count} lines a sheet": "ใบเก็บเงินหนึ่งใบมีได้ไม่เกิน {count} รายการ",
    "a {kind} line names its member_id": "รายการ{kind}ต้องระบุ member_id",
    "a {kind} line names its loan_id": "รายการ{kind}ต้องระบุ loan_id",
    "disbursed after the meeting": "เงินกู้นี้จ่ายหลังวันประชุม",
    "no such member in this group": "ไม่มีสมาชิกคนนี้ในกลุ่ม",
    "no such loan in this group": "ไม่มีเงินกู้นี้ในกลุ่ม",
    # notifications
    "no such inbox": "ไม่พบกล่องข้อความ",
    "you are not in the notifications directory yet": "ยังไม่มีชื่อคุณในรายชื่อผู้รับการแจ้งเตือน",
    "notification {id} not found": "ไม่พบการแจ้งเตือน {id}",
    "notification {id} is missing": "การแจ้งเตือน {id} หายไป",
    "quiet hours are empty": "ช่วงเวลางดแจ้งเตือนว่างเปล่า",
    "start and end must differ": "เวลาเริ่มต้นและสิ้นสุดต้องไม่เท่ากัน",
    "delivery {id} not found": "ไม่พบการส่ง {id}",
    "a {status} delivery cannot be replayed": "การส่งสถานะ{status} ส่งซ้ำไม่ได้",
    "escalation {id} not found": "ไม่พบเรื่องที่ยกระดับ {id}",
    "the escalation changed meanwhile": "เรื่องที่ยกระดับถูกแก้ไขไปแล้ว กรุณาโหลดใหม่",
    "an escalation that is {status} cannot be {action}d": (
        "เรื่องที่ยกระดับซึ่งอยู่ในสถานะ{status} จะ{action}ไม่ได้"
    ),
    "only the people it is addressed to, or its area's supervisors, may act": (
        "เฉพาะผู้รับเรื่องหรือหัวหน้างานของพื้นที่นั้นเท่านั้นที่ดำเนินการได้"
    ),
}
