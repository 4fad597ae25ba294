"""Thai for werkzeug's answers the gateway passes on (no route, wrong method, too large...)."""

MESSAGES = {
    "Bad Request": "คำขอไม่ถูกต้อง",
    "The browser (or proxy) sent a request that this server could not understand.": (
        "ระบบไม่เข้าใจคำขอที่ส่งมา"
    ),
    "Unauthorized": "ยังไม่ได้ยืนยันตัวตน",
    "The server could not verify that you are authorized to access the URL requested. You "
    "either supplied the wrong credentials (e.g. a bad password), or your browser doesn't "
    "understand how to supply the credentials required.": "ระบบยืนยันสิทธิ์ของคุณไม่ได้ กรุณาเข้าสู่ระบบใหม่",
    "You don't have the permission to access the requested resource. It is either "
    "read-protected or not readable by the server.": "คุณไม่มีสิทธิ์เข้าถึงข้อมูลนี้",
    "Not Found": "ไม่พบข้อมูล",
    "The requested URL was not found on the server. If you entered the URL manually please "
    "check your spelling and try again.": "ไม่พบที่อยู่ (URL) นี้ในระบบ โปรดตรวจสอบการสะกดแล้วลองใหม่",
    "Method Not Allowed": "ใช้วิธีนี้กับที่อยู่นี้ไม่ได้",
    "The method is not allowed for the requested URL.": "ที่อยู่ (URL) นี้ไม่รองรับวิธี (method) ที่ส่งมา",
    "Not Acceptable": "ให้ข้อมูลในรูปแบบที่ขอไม่ได้",
    "The resource identified by the request is only capable of generating response entities "
    "which have content characteristics not acceptable according to the accept headers sent "
    "in the request.": "ระบบตอบกลับในรูปแบบที่ระบุในส่วนหัว Accept ไม่ได้",
    "Request Timeout": "คำขอใช้เวลานานเกินไป",
    "The server closed the network connection because the browser didn't finish the request "
    "within the specified time.": "ระบบปิดการเชื่อมต่อ เพราะส่งคำขอไม่เสร็จภายในเวลาที่กำหนด",
    "A conflict happened while processing the request. The resource might have been modified "
    "while the request was being processed.": "เกิดความขัดแย้งระหว่างทำรายการ ข้อมูลอาจถูกแก้ไขในระหว่างนั้น",
    "Gone": "ข้อมูลนี้ไม่มีแล้ว",
    "The requested URL is no longer available on this server and there is no forwarding "
    "address. If you followed a link from a foreign page, please contact the author of this "
    "page.": "ที่อยู่ (URL) นี้ไม่มีในระบบแล้ว",
    "Length Required": "ต้องระบุความยาวของข้อมูล",
    "A request with this method requires a valid <code>Content-Length</code> header.": (
        "คำขอแบบนี้ต้องมีส่วนหัว Content-Length ที่ถูกต้อง"
    ),
    "Precondition Failed": "ข้อมูลถูกแก้ไขไปแล้ว",
    "The precondition on the request for the URL failed positive evaluation.": (
        "เงื่อนไขของคำขอไม่เป็นจริง"
    ),
    "Request Entity Too Large": "ข้อมูลที่ส่งมีขนาดใหญ่เกินไป",
    "The data value transmitted exceeds the capacity limit.": "ข้อมูลที่ส่งมีขนาดเกินที่ระบบรับได้",
    "Request URI Too Long": "ที่อยู่ (URL) ยาวเกินไป",
    "The length of the requested URL exceeds the capacity limit for this server. The request "
    "cannot be processed.": "ที่อยู่ (URL) ยาวเกินกว่าที่ระบบรับได้",
    "Unsupported Media Type": "ไม่รองรับรูปแบบข้อมูลที่ส่งมา",
    "The server does not support the media type transmitted in the request.": (
        "ระบบไม่รองรับรูปแบบข้อมูลที่ส่งมา"
    ),
    "Requested Range Not Satisfiable": "ให้ข้อมูลช่วงที่ขอไม่ได้",
    "The server cannot provide the requested range.": "ระบบให้ข้อมูลช่วงที่ขอไม่ได้",
    "Expectation Failed": "ทำตามส่วนหัว Expect ไม่ได้",
    "The server could not meet the requirements of the Expect header": (
        "ระบบทำตามเงื่อนไขในส่วนหัว Expect ไม่ได้"
    ),
    "I'm a teapot": "ระบบนี้ไม่ใช่เครื่องชงกาแฟ",
    "This server is a teapot, not a coffee machine": "ระบบนี้ไม่ใช่เครื่องชงกาแฟ",
    "Misdirected Request": "ส่งคำขอผิดปลายทาง",
    "The server is not able to produce a response.": "ระบบตอบคำขอนี้ไม่ได้",
    "Unprocessable Entity": "ข้อมูลไม่ถูกต้อง",
    "The request was well-formed but was unable to be followed due to semantic errors.": (
        "คำขอมีรูปแบบถูกต้องแต่เนื้อหาไม่ถูกต้อง"
    ),
    "Locked": "ข้อมูลถูกล็อกอยู่",
    "The resource that is being accessed is locked.": "ข้อมูลที่เรียกใช้ถูกล็อกอยู่",
    "Failed Dependency": "ทำไม่ได้เพราะรายการก่อนหน้าไม่สำเร็จ",
    "The method could not be performed on the resource because the requested action depended "
    "on another action and that action failed.": "ทำรายการนี้ไม่ได้ เพราะรายการที่ต้องทำก่อนไม่สำเร็จ",
    "Precondition Required": "ต้องระบุเวอร์ชันของข้อมูลที่เปิดดูล่าสุด",
    'This request is required to be conditional; try using "If-Match" or '
    '"If-Unmodified-Since".': "คำขอนี้ต้องระบุเงื่อนไข เช่น If-Match",
    "Too Many Requests": "ส่งคำขอถี่เกินไป",
    "This user has exceeded an allotted request count. Try again later.": (
        "ส่งคำขอเกินจำนวนที่กำหนด โปรดลองใหม่ภายหลัง"
    ),
    "Request Header Fields Too Large": "ส่วนหัวของคำขอใหญ่เกินไป",
    "One or more header fields exceeds the maximum size.": "ส่วนหัวของคำขอบางช่องยาวเกินกำหนด",
    "Unavailable For Legal Reasons": "ให้บริการไม่ได้ด้วยเหตุผลทางกฎหมาย",
    "Unavailable for legal reasons.": "ให้บริการไม่ได้ด้วยเหตุผลทางกฎหมาย",
}
