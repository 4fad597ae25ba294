"""Thai for the teams service: people, Smile Teams, assignments, trainer teams, cohorts,
occupation groups, support organisations and their plans."""

MESSAGES = {
    "a correction of a person's registry data needs a reason": (
        "การแก้ไขชื่อ เลขประจำตัวประชาชน หรือโทรศัพท์ของบุคคลต้องระบุเหตุผล"
    ),
    # people and signing in
    "wrong username or password": "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง",
    "no active person matches this token": "ไม่พบผู้ใช้ที่ยังใช้งานอยู่ซึ่งตรงกับโทเคนนี้",
    "person {id} not found": "ไม่พบบุคคล {id}",
    "the person's details are not valid": "ข้อมูลบุคคลไม่ถูกต้อง",
    "the person's contact details are not valid": "ข้อมูลการติดต่อไม่ถูกต้อง",
    "3-40 lower-case letters, digits, '.', '_' or '-'": (
        "ตัวอักษรอังกฤษพิมพ์เล็ก ตัวเลข '.', '_' หรือ '-' ยาว 3 ถึง 40 ตัว"
    ),
    "a LINE user id is U followed by 32 hex digits": (
        "รหัสผู้ใช้ LINE ขึ้นต้นด้วย U ตามด้วยเลขฐานสิบหก 32 หลัก"
    ),
    "not an e-mail address": "ไม่ใช่ที่อยู่อีเมล",
    "not a Thai phone number": "ไม่ใช่หมายเลขโทรศัพท์ของประเทศไทย",
    "at least one role": "ต้องมีบทบาทอย่างน้อยหนึ่งบทบาท",
    "at least one area for these roles": "บทบาทเหล่านี้ต้องมีพื้นที่รับผิดชอบอย่างน้อยหนึ่งพื้นที่",
    "a {level} does not suit the roles given": "พื้นที่ระดับ{level}ไม่ตรงกับบทบาทที่ระบุ",
    "must be a {levels} code": "ต้องเป็นรหัส{levels}",
    "must be a sub-district (tambon) code of 6 digits": "ต้องเป็นรหัสตำบล 6 หลัก",
    "no such sub-district (tambon)": "ไม่มีตำบลนี้",
    "no such district (amphoe)": "ไม่มีอำเภอนี้",
    "must not contain the username": "ต้องไม่มีชื่อผู้ใช้อยู่ในรหัสผ่าน",
    "the two passwords differ": "รหัสผ่านทั้งสองช่องไม่ตรงกัน",
    "the current password is wrong": "รหัสผ่านปัจจุบันไม่ถูกต้อง",
    "already taken": "ถูกใช้ไปแล้ว",
    "this person is already registered": "บุคคลนี้ลงทะเบียนไว้แล้ว",
    "someone with these details is already registered": "มีผู้ลงทะเบียนด้วยข้อมูลนี้แล้ว",
    "a deactivated person cannot be changed": "แก้ไขข้อมูลของบุคคลที่ถูกระงับการใช้งานแล้วไม่ได้",
    "this person is already deactivated": "บุคคลนี้ถูกระงับการใช้งานแล้ว",
    "this person is deactivated": "บุคคลนี้ถูกระงับการใช้งาน",
    "the person was changed by someone else; reload and retry": (
        "ข้อมูลบุคคลถูกผู้อื่นแก้ไขไปแล้ว กรุณาโหลดใหม่แล้วลองอีกครั้ง"
    ),
    "would no longer fit a team this person serves in": "จะไม่เข้ากับทีมที่บุคคลนี้อยู่อีกต่อไป",
    "this person serves as {role} in team {team}; they leave it first": (
        "บุคคลนี้เป็น{role}ในทีม {team} ต้องออกจากทีมนั้นก่อน"
    ),
    "no such person": "ไม่พบบุคคลนี้",
    "no such active person": "ไม่พบบุคคลนี้ หรือถูกระงับการใช้งานแล้ว",
    "it was changed by someone else meanwhile; reload and retry": (
        "ข้อมูลถูกผู้อื่นแก้ไขไปแล้ว กรุณาโหลดใหม่แล้วลองอีกครั้ง"
    ),
    # Smile Teams and assignments
    "team {id} not found": "ไม่พบทีม {id}",
    "the team cannot be formed as given": "จัดตั้งทีมตามข้อมูลที่ให้มาไม่ได้",
    "the team cannot be changed as given": "แก้ไขทีมตามข้อมูลที่ให้มาไม่ได้",
    "at least one sub-district": "ต้องมีตำบลอย่างน้อยหนึ่งตำบล",
    "a team has one member per role": "ทีมมีสมาชิกบทบาทละหนึ่งคน",
    "already filled: a team has one member per role": "บทบาทนี้มีคนแล้ว: ทีมมีสมาชิกบทบาทละหนึ่งคน",
    "already given another role": "ได้รับบทบาทอื่นในทีมนี้แล้ว",
    "already serves in this team in another role": "อยู่ในทีมนี้ในบทบาทอื่นแล้ว",
    "the team already has its {role}": "ทีมมี{role}แล้ว",
    "this person does not hold the role {role}": "บุคคลนี้ไม่ได้มีบทบาท{role}",
    "this person does not hold the role trainer": "บุคคลนี้ไม่ได้มีบทบาทวิทยากร",
    "this person's area lies outside the team's coverage": "พื้นที่ของบุคคลนี้อยู่นอกพื้นที่ที่ทีมดูแล",
    "the {role}'s area would lie outside it": "พื้นที่ของ{role}จะอยู่นอกพื้นที่ที่ทีมดูแล",
    "not a member of this team": "ไม่ใช่สมาชิกของทีมนี้",
    "households of the team live in a sub-district it would no longer cover": (
        "มีครัวเรือนของทีมอยู่ในตำบลที่ทีมจะไม่ได้ดูแลแล้ว"
    ),
    "reassign those households first": "กรุณาย้ายครัวเรือนเหล่านั้นไปทีมอื่นก่อน",
    "only supervisors over all of the team's coverage manage it": (
        "เฉพาะหัวหน้างานที่ดูแลพื้นที่ทั้งหมดของทีมเท่านั้นที่จัดการทีมนี้ได้"
    ),
    "only supervisors over all of the coverage manage teams there": (
        "เฉพาะหัวหน้างานที่ดูแลพื้นที่ทั้งหมดนี้เท่านั้นที่จัดการทีมในพื้นที่นี้ได้"
    ),
    "the team is not complete": "ทีมยังมีสมาชิกไม่ครบ",
    "the team is still forming (missing: {roles}) and takes no households": (
        "ทีมยังจัดตั้งไม่เสร็จ (ยังขาด: {roles}) จึงรับครัวเรือนไม่ได้"
    ),
    "already assigned to another team": "อยู่ในความดูแลของทีมอื่นแล้ว",
    "already this household's team": "เป็นทีมของครัวเรือนนี้อยู่แล้ว",
    "the household already has a team; reassign it with a reason": (
        "ครัวเรือนนี้มีทีมดูแลแล้ว หากจะย้ายทีมกรุณาระบุเหตุผล"
    ),
    "the household was assigned meanwhile; reload and retry": (
        "ครัวเรือนนี้เพิ่งได้รับมอบหมายให้ทีมอื่น กรุณาโหลดใหม่แล้วลองอีกครั้ง"
    ),
    "say why the household changes team": "กรุณาระบุเหตุผลที่ย้ายทีมของครัวเรือน",
    "assignment of household {id} not found": "ไม่พบการมอบหมายทีมของครัวเรือน {id}",
    "not a household known here, or not in your areas": "ไม่รู้จักครัวเรือนนี้ หรืออยู่นอกพื้นที่ของคุณ",
    "not a household known here": "ไม่รู้จักครัวเรือนนี้",
    "no such team in your areas": "ไม่มีทีมนี้ในพื้นที่ของคุณ",
    "not in your areas": "อยู่นอกพื้นที่ของคุณ",
    "lies outside the team's coverage": "อยู่นอกพื้นที่ที่ทีมดูแล",
    "a village or sub-district in your areas": "ต้องเป็นหมู่บ้านหรือตำบลในพื้นที่ของคุณ",
    # trainer teams, cohorts and occupation groups (Sammachip)
    "trainer team {id} not found": "ไม่พบทีมวิทยากร {id}",
    "the trainer team cannot be formed as given": "จัดตั้งทีมวิทยากรตามข้อมูลที่ให้มาไม่ได้",
    "a village trainer team has {size} sages": "ทีมวิทยากรประจำหมู่บ้านมีปราชญ์ {size} คน",
    "the trainer team already has its {size} sages": "ทีมวิทยากรมีปราชญ์ครบ {size} คนแล้ว",
    "the team is full": "ทีมมีสมาชิกครบแล้ว",
    "the sage cannot join": "ปราชญ์คนนี้เข้าร่วมทีมไม่ได้",
    "already in this trainer team": "อยู่ในทีมวิทยากรนี้แล้ว",
    "not a member of this trainer team": "ไม่ใช่สมาชิกของทีมวิทยากรนี้",
    "the team already has its lead trainer": "ทีมมีวิทยากรหลักแล้ว",
    "the lead's course date is needed": "ต้องระบุวันที่วิทยากรหลักผ่านการอบรม",
    "this person's area lies outside the village": "พื้นที่ของบุคคลนี้อยู่นอกหมู่บ้าน",
    "a village has one trainer team": "หมู่บ้านหนึ่งมีทีมวิทยากรได้ทีมเดียว",
    "this village already has its trainer team": "หมู่บ้านนี้มีทีมวิทยากรแล้ว",
    "only supervisors over the village form its trainer team": (
        "เฉพาะหัวหน้างานที่ดูแลหมู่บ้านนี้เท่านั้นที่จัดตั้งทีมวิทยากรได้"
    ),
    "only supervisors over the village change its trainer team": (
        "เฉพาะหัวหน้างานที่ดูแลหมู่บ้านนี้เท่านั้นที่แก้ไขทีมวิทยากรได้"
    ),
    "the trainer team is not ready": "ทีมวิทยากรยังไม่พร้อม",
    "the trainer team is still forming: five sages with one trained lead are needed": (
        "ทีมวิทยากรยังจัดตั้งไม่เสร็จ: ต้องมีปราชญ์ 5 คน และมีวิทยากรหลักที่ผ่านการอบรม 1 คน"
    ),
    "cohort {id} not found": "ไม่พบรุ่นการฝึกอบรม {id}",
    "session {id} not found": "ไม่พบครั้งการฝึกอบรม {id}",
    "the cohort cannot be opened as given": "เปิดรุ่นการฝึกอบรมตามข้อมูลที่ให้มาไม่ได้",
    "the cohort cannot complete as given": "ปิดรุ่นการฝึกอบรมตามข้อมูลที่ให้มาไม่ได้",
    "the cohort has completed its training": "รุ่นนี้ฝึกอบรมเสร็จสิ้นแล้ว",
    "the households cannot join the cohort": "ครัวเรือนเหล่านี้เข้าร่วมรุ่นการฝึกอบรมไม่ได้",
    "the attendance cannot be recorded as given": "บันทึกการเข้าร่วมตามข้อมูลที่ให้มาไม่ได้",
    "a cohort takes at most {size} households": "รุ่นการฝึกอบรมรับครัวเรือนได้ไม่เกิน {size} ครัวเรือน",
    "at least one household": "ต้องมีครัวเรือนอย่างน้อยหนึ่งครัวเรือน",
    "already in this cohort": "อยู่ในรุ่นนี้แล้ว",
    "not a household of this village": "ไม่ใช่ครัวเรือนของหมู่บ้านนี้",
    "not a household of this cohort": "ไม่ใช่ครัวเรือนของรุ่นนี้",
    "attended no session": "ไม่ได้เข้าร่วมการฝึกอบรมเลย",
    "given twice": "ระบุซ้ำ",
    "only the trainer team's sages and supervisors record its training": (
        "เฉพาะปราชญ์ในทีมวิทยากรและหัวหน้างานเท่านั้นที่บันทึกการฝึกอบรมได้"
    ),
    "occupation group {id} not found": "ไม่พบกลุ่มอาชีพ {id}",
    "the occupation group cannot be formed as given": "จัดตั้งกลุ่มอาชีพตามข้อมูลที่ให้มาไม่ได้",
    "the households cannot join the group": "ครัวเรือนเหล่านี้เข้าร่วมกลุ่มไม่ได้",
    "has not completed training in this occupation": "ยังไม่ผ่านการฝึกอบรมอาชีพนี้",
    "already a member": "เป็นสมาชิกอยู่แล้ว",
    "the group is already registered": "กลุ่มนี้จดทะเบียนแล้ว",
    "only supervisors over the village form its occupation groups": (
        "เฉพาะหัวหน้างานที่ดูแลหมู่บ้านนี้เท่านั้นที่จัดตั้งกลุ่มอาชีพได้"
    ),
    "only supervisors over the village change its occupation groups": (
        "เฉพาะหัวหน้างานที่ดูแลหมู่บ้านนี้เท่านั้นที่แก้ไขกลุ่มอาชีพได้"
    ),
    # support organisations and their action plans
    "organisation {id} not found": "ไม่พบองค์กร {id}",
    "the organisation cannot be registered as given": "ลงทะเบียนองค์กรตามข้อมูลที่ให้มาไม่ได้",
    "one organisation of each kind per district": "แต่ละอำเภอมีองค์กรแต่ละประเภทได้ประเภทละหนึ่งองค์กร",
    "the district already has an organisation of this kind": "อำเภอนี้มีองค์กรประเภทนี้แล้ว",
    "only supervisors over the district register its organisations": (
        "เฉพาะหัวหน้างานที่ดูแลอำเภอนี้เท่านั้นที่ลงทะเบียนองค์กรได้"
    ),
    "only supervisors over the district manage its organisations": (
        "เฉพาะหัวหน้างานที่ดูแลอำเภอนี้เท่านั้นที่จัดการองค์กรได้"
    ),
    "the reporters are not valid": "ผู้รายงานไม่ถูกต้อง",
    "action plan {id} not found": "ไม่พบแผนปฏิบัติการ {id}",
    "task {id} not found": "ไม่พบงาน {id}",
    "one plan per organisation and year": "องค์กรหนึ่งมีแผนได้ปีละหนึ่งแผน",
    "the organisation already has a plan for this year": "องค์กรนี้มีแผนของปีนี้แล้ว",
    "the plan is in phase {phase}": "แผนอยู่ในขั้น{phase}",
    "a plan needs tasks before it is carried out": "แผนต้องมีงานก่อนจึงจะเริ่มดำเนินการได้",
    "add at least one task": "กรุณาเพิ่มงานอย่างน้อยหนึ่งงาน",
    "say what the plan achieved": "กรุณาสรุปผลที่แผนทำได้",
    "the plan is summarised; it no longer changes": "แผนนี้สรุปผลแล้ว แก้ไขอีกไม่ได้",
    "only the organisation's reporters and supervisors report progress": (
        "เฉพาะผู้รายงานขององค์กรและหัวหน้างานเท่านั้นที่รายงานความคืบหน้าได้"
    ),
    # a Smile Team's yearly plan and its lessons learned
    "team plan {id} not found": "ไม่พบแผนปฏิบัติการของทีม {id}",
    "the team already has a plan for this fiscal year": "ทีมนี้มีแผนของปีงบประมาณนี้แล้ว",
    "one plan per team and fiscal year": "ทีมหนึ่งมีแผนได้ปีงบประมาณละหนึ่งแผน",
    "only the team's members keep its plan": "เฉพาะสมาชิกของทีมเท่านั้นที่จัดทำแผนของทีมได้",
    "only supervisors over the team's district, not its members, decide": (
        "เฉพาะพัฒนาการอำเภอหรือจังหวัดที่ดูแลพื้นที่ของทีม ซึ่งไม่ใช่สมาชิกของทีม เท่านั้นที่อนุมัติหรือส่งคืนแผนได้"
    ),
    "not a household of this team": "ไม่ใช่ครัวเรือนที่ทีมนี้ดูแล",
    "the plan is carried out once approved": "แผนจะดำเนินการได้เมื่อได้รับอนุมัติแล้ว",
    "the plan is changed only while it is a draft": "แก้ไขแผนได้เฉพาะเมื่อยังเป็นร่าง",
    "tasks are added only while the plan is a draft": "เพิ่มงานได้เฉพาะเมื่อแผนยังเป็นร่าง",
    "must lie in the plan's fiscal year": "ต้องอยู่ในปีงบประมาณของแผน",
    "only a draft is submitted": "ส่งแผนได้เฉพาะแผนที่ยังเป็นร่าง",
    "add at least one task before submitting": "กรุณาเพิ่มงานอย่างน้อยหนึ่งงานก่อนส่งแผน",
    "a plan needs tasks before it is submitted": "แผนต้องมีงานก่อนจึงจะส่งได้",
    "only a submitted plan is approved or returned": "อนุมัติหรือส่งคืนได้เฉพาะแผนที่ส่งมาแล้ว",
    "progress is reported on an approved plan": "รายงานความคืบหน้าได้เฉพาะแผนที่อนุมัติแล้ว",
    "this quarter has not begun": "ไตรมาสนี้ยังไม่เริ่ม",
    "this quarter is already reported": "ไตรมาสนี้รายงานแล้ว",
    "one report per quarter": "รายงานได้ไตรมาสละหนึ่งครั้ง",
    "lessons are published from an approved plan": "เผยแพร่บทเรียนได้จากแผนที่อนุมัติแล้ว",
}
