"""Thai for the titles of every status and the gateway's own problems (sign-in, bodies,
headers, versions, limits)."""

MESSAGES = {
    # titles (infra.errors, gateway) and the gateway's own problems
    "Internal error": "ระบบขัดข้อง",
    "Invalid input": "ข้อมูลไม่ถูกต้อง",
    "Bad request": "คำขอไม่ถูกต้อง",
    "Not authenticated": "ยังไม่ได้ยืนยันตัวตน",
    "Forbidden": "ไม่มีสิทธิ์ทำรายการนี้",
    "Not found": "ไม่พบข้อมูล",
    "Conflict": "ทำรายการนี้ในสถานะปัจจุบันไม่ได้",
    "Precondition failed": "ข้อมูลถูกแก้ไขไปแล้ว",
    "Precondition required": "ต้องระบุเวอร์ชันของข้อมูลที่เปิดดูล่าสุด",
    "Payload too large": "ข้อมูลที่ส่งมีขนาดใหญ่เกินไป",
    "Unsupported media type": "ไม่รองรับรูปแบบข้อมูลที่ส่งมา",
    "Too many requests": "ส่งคำขอถี่เกินไป",
    "Service unavailable": "ระบบยังไม่พร้อมให้บริการ",
    "Service timed out": "ระบบตอบกลับไม่ทันเวลา",
    "Bad gateway": "ระบบขัดข้อง",
    "Not acceptable": "ไม่มีข้อมูลในรูปแบบที่ขอ",
    "a service failed to handle the request": "บริการภายในระบบขัดข้อง จึงทำรายการนี้ไม่สำเร็จ",
    "the request could not be handled": "ระบบไม่สามารถทำรายการนี้ได้",
    "the gateway is stopping; try again shortly": "ระบบกำลังหยุดทำงานชั่วคราว โปรดลองใหม่อีกครู่",
    "the database cannot be reached just now; try again shortly": (
        "ยังติดต่อฐานข้อมูลไม่ได้ในขณะนี้ โปรดลองใหม่อีกครู่"
    ),
    "too many requests; slow down": "ส่งคำขอถี่เกินไป โปรดเว้นระยะแล้วลองใหม่",
    "{service} did not answer within {seconds}s": "บริการ {service} ไม่ตอบกลับภายใน {seconds} วินาที",
    "message broker unreachable ({reason})": "ติดต่อระบบรับส่งข้อความไม่ได้ ({reason})",
    # the web app
    "Web app not built": "ยังไม่ได้สร้างเว็บแอป",
    "the web app is not built: run `make run`, or `cd web && npm ci && npm run build`": (
        "ยังไม่ได้สร้างเว็บแอป: สั่ง `make run` หรือ `cd web && npm ci && npm run build`"
    ),
    "no file {path}": "ไม่พบไฟล์ {path}",
    "a change signed in by cookie needs the X-CSRF-Token header": (
        "การแก้ไขข้อมูลเมื่อเข้าสู่ระบบด้วยคุกกี้ ต้องส่งส่วนหัว X-CSRF-Token มาด้วย"
    ),
    # authentication
    "send a bearer token: Authorization: Bearer <token>": (
        "กรุณาเข้าสู่ระบบก่อน (ส่งโทเคนในส่วนหัว Authorization: Bearer <token>)"
    ),
    "the token has expired": "โทเคนหมดอายุแล้ว กรุณาเข้าสู่ระบบใหม่",
    "the token is not valid": "โทเคนไม่ถูกต้อง",
    "your access changed since this token was issued; sign in again": (
        "สิทธิ์การใช้งานของคุณเปลี่ยนไปหลังจากออกโทเคนนี้ กรุณาเข้าสู่ระบบใหม่"
    ),
    "this session was signed out; sign in again": "ออกจากระบบแล้ว กรุณาเข้าสู่ระบบใหม่",
    "this installation signs in through its identity provider": (
        "ระบบนี้เข้าสู่ระบบผ่านผู้ให้บริการยืนยันตัวตนขององค์กร"
    ),
    "this needs one of the roles: {roles}": "ต้องมีบทบาทใดบทบาทหนึ่งต่อไปนี้: {roles}",
    # the body, headers and versions
    "send the body as application/json": "กรุณาส่งข้อมูลในรูปแบบ application/json",
    "not JSON": "ไม่ใช่ JSON",
    "the body is not valid JSON": "ข้อมูลที่ส่งมาไม่ใช่ JSON ที่ถูกต้อง",
    "not valid JSON": "JSON ไม่ถูกต้อง",
    "the body must be a JSON object": "ข้อมูลที่ส่งมาต้องเป็นออบเจกต์ JSON",
    "not an object": "ไม่ใช่ออบเจกต์",
    "the body nests deeper than {depth} levels": "ข้อมูลซ้อนกันลึกเกิน {depth} ชั้น",
    "nested more than {depth} levels": "ซ้อนกันลึกเกิน {depth} ชั้น",
    "the request holds characters that cannot be accepted": "คำขอมีอักขระที่ระบบรับไม่ได้",
    "must not hold NUL, control characters (other than newline and tab) or lone surrogates": (
        "ต้องไม่มีอักขระ NUL อักขระควบคุม (ยกเว้นขึ้นบรรทัดใหม่และแท็บ) หรืออักขระที่เข้ารหัสไม่สมบูรณ์"
    ),
    "is not UTF-8 once percent-decoded": "ถอดรหัสเปอร์เซ็นต์แล้วไม่ใช่ UTF-8",
    "no file {name}": "ไม่พบไฟล์ {name}",
    "send If-Match with the ETag you last read, so no change is lost": (
        "กรุณาส่ง If-Match พร้อม ETag ที่อ่านไว้ล่าสุด เพื่อไม่ให้การแก้ไขของผู้อื่นสูญหาย"
    ),
    "If-Match must be an ETag this API gave out": "If-Match ต้องเป็น ETag ที่ระบบนี้ออกให้",
    "not a version tag": "ไม่ใช่ป้ายเวอร์ชัน (ETag) ที่ถูกต้อง",
    "a weak ETag cannot match for a change; send the strong ETag you last read": (
        "ใช้ ETag แบบอ่อนเพื่อแก้ไขข้อมูลไม่ได้ กรุณาส่ง ETag แบบเต็มที่อ่านไว้ล่าสุด"
    ),
    "a weak tag never matches": "ETag แบบอ่อน (W/) ใช้ยืนยันเวอร์ชันไม่ได้",
    # a stale version (infra.versions)
    "the {what} was changed since you read it": "{what}ถูกแก้ไขไปแล้วหลังจากที่คุณเปิดดู กรุณาโหลดใหม่",
    "8 to 64 ASCII letters, digits or . _ : -": "ตัวอักษรอังกฤษ ตัวเลข หรือ . _ : - ยาว 8 ถึง 64 ตัว",
    "already used for a different request": "ถูกใช้กับคำขออื่นไปแล้ว",
    "a request with this Idempotency-Key is still being handled; retry later": (
        "คำขอที่ใช้ Idempotency-Key นี้ยังดำเนินการอยู่ โปรดลองใหม่ภายหลัง"
    ),
    "this client key was already used for a different request": "รหัสอ้างอิงนี้ถูกใช้กับคำขออื่นไปแล้ว",
    "not a cursor this list gave out": "ไม่ใช่ตำแหน่งหน้าที่รายการนี้ให้ไว้",
    "the request is not valid": "คำขอมีข้อมูลไม่ถูกต้อง",
}
