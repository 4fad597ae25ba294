"""Thai for the value kinds every service shares (area codes, national IDs, money, dates, text)
and for marshmallow's own messages."""

MESSAGES = {
    # shared value kinds
    "must be a DOPA area code of 2, 4, 6 or 8 digits": (
        "ต้องเป็นรหัสพื้นที่ของกรมการปกครอง 2, 4, 6 หรือ 8 หลัก"
    ),
    "must be a DOPA code of 2, 4, 6 or 8 digits": "ต้องเป็นรหัสพื้นที่ของกรมการปกครอง 2, 4, 6 หรือ 8 หลัก",
    "village number 00 does not exist": "ไม่มีหมู่ที่ 00",
    "its tambon (first 6 digits) is not in the DOPA area data": (
        "ไม่พบตำบล (6 หลักแรก) ในข้อมูลพื้นที่ของกรมการปกครอง"
    ),
    "no such {level} in the DOPA area data": "ไม่พบ{level}นี้ในข้อมูลพื้นที่ของกรมการปกครอง",
    "must be the code of a {levels}": "ต้องเป็นรหัสของ{levels}",
    "13 ASCII digits (spaces or dashes between them may be given)": (
        "ตัวเลขอารบิก 13 หลัก (เว้นวรรคหรือขีดคั่นได้)"
    ),
    "must be 13 digits": "ต้องเป็นตัวเลข 13 หลัก",
    "must not start with 0 or 9": "ต้องไม่ขึ้นต้นด้วย 0 หรือ 9",
    "check digit does not match": "เลขตรวจสอบหลักสุดท้ายไม่ถูกต้อง",
    'ASCII digits with at most two decimals, such as "1500.50"': (
        'ตัวเลขอารบิก ทศนิยมไม่เกินสองตำแหน่ง เช่น "1500.50"'
    ),
    "not a number": "ไม่ใช่ตัวเลข",
    "must be a number": "ต้องเป็นตัวเลข",
    "must not be negative": "ต้องไม่ติดลบ",
    "must be more than zero": "ต้องมากกว่าศูนย์",
    "more than {amount} baht": "เกิน {amount} บาท",
    "at most two decimal places (satang)": "ทศนิยมได้ไม่เกินสองตำแหน่ง (สตางค์)",
    "at most two decimal places": "ทศนิยมได้ไม่เกินสองตำแหน่ง",
    "is larger than any amount this system accepts": "มากเกินกว่าจำนวนที่ระบบรับได้",
    "must be between {low} and {high}": "ต้องอยู่ระหว่าง {low} ถึง {high}",
    "must be between -{low} and {high}": "ต้องอยู่ระหว่าง -{low} ถึง {high}",
    "one line: no line break or tab": "ต้องเป็นข้อความบรรทัดเดียว ห้ามขึ้นบรรทัดใหม่หรือมีแท็บ",
    "between {low} and {high} characters": "ยาว {low} ถึง {high} ตัวอักษร",
    "must not be blank": "ต้องไม่เว้นว่าง",
    "must not be in the future": "ต้องไม่เป็นวันในอนาคต",
    "is in the future": "เป็นวันในอนาคต",
    "is more than {days} days ago": "ย้อนหลังเกิน {days} วัน",
    "{span}: not before {day}": "{span}: ต้องไม่ก่อนวันที่ {day}",
    "{span}: not after {day}": "{span}: ต้องไม่หลังวันที่ {day}",
    "not a date": "ไม่ใช่วันที่",
    "not base64": "ไม่ใช่ข้อมูลแบบ base64",
    "one of {choices}": "ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: {choices}",
    "1-100 letters, digits or ._:-": "ตัวอักษรอังกฤษ ตัวเลข หรือ ._:- ยาว 1 ถึง 100 ตัว",
    "must be th or en": "ต้องเป็น th หรือ en",
    # marshmallow's own messages
    "Missing data for required field.": "จำเป็นต้องกรอก",
    "Field may not be null.": "ต้องไม่เป็นค่าว่าง (null)",
    "Invalid value.": "ค่าไม่ถูกต้อง",
    "Unknown field.": "ไม่รู้จักช่องข้อมูลนี้",
    "Invalid input type.": "ชนิดข้อมูลไม่ถูกต้อง",
    "Invalid type.": "ชนิดข้อมูลไม่ถูกต้อง",
    "Not a valid boolean.": "ต้องเป็น true หรือ false",
    "Not a valid date.": "ไม่ใช่วันที่ที่ถูกต้อง (ปปปป-ดด-วว)",
    "Not a valid datetime.": "ไม่ใช่วันเวลาที่ถูกต้อง",
    "Not a valid aware datetime.": "ต้องเป็นวันเวลาที่ระบุเขตเวลา",
    "Not a valid naive datetime.": "ต้องเป็นวันเวลาที่ไม่ระบุเขตเวลา",
    "Not a valid time.": "ไม่ใช่เวลาที่ถูกต้อง",
    "Not a valid {kind}.": "ไม่ใช่{kind}ที่ถูกต้อง",
    "Not a valid {awareness} {kind}.": "ไม่ใช่{kind}ที่ถูกต้อง ({awareness})",
    '"{value}" cannot be formatted as a {kind}.': 'แปลงค่า "{value}" เป็น{kind}ไม่ได้',
    "Special numeric values (nan or infinity) are not permitted.": (
        "ไม่รับค่าพิเศษ (nan หรือ infinity)"
    ),
    "Not a valid number.": "ไม่ใช่ตัวเลขที่ถูกต้อง",
    "Number too large.": "ตัวเลขใหญ่เกินไป",
    "Not a valid integer.": "ต้องเป็นจำนวนเต็ม",
    "Not a valid mapping type.": "ต้องเป็นออบเจกต์",
    "Not a valid list.": "ต้องเป็นรายการ (list)",
    "Not a valid string.": "ต้องเป็นข้อความ",
    "Not a valid utf-8 string.": "ต้องเป็นข้อความ UTF-8",
    "Not a valid UUID.": "ไม่ใช่รหัสอ้างอิง (UUID) ที่ถูกต้อง",
    "Not a valid URL.": "ไม่ใช่ URL ที่ถูกต้อง",
    "an http or https address, such as https://example.org/hook": (
        "ต้องเป็นที่อยู่ http หรือ https เช่น https://example.org/hook"
    ),
    "Length must be between {min} and {max}.": "ความยาวต้องอยู่ระหว่าง {min} ถึง {max}",
    "Length must be {equal}.": "ความยาวต้องเท่ากับ {equal}",
    "Longer than maximum length {max}.": "ยาวเกินกำหนด (ไม่เกิน {max})",
    "Shorter than minimum length {min}.": "สั้นกว่ากำหนด (อย่างน้อย {min})",
    "Must be one of: {choices}.": "ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: {choices}",
    "String does not match expected pattern.": "รูปแบบข้อความไม่ถูกต้อง",
    "Must be greater than or equal to {min} and less than or equal to {max}.": (
        "ต้องมีค่าตั้งแต่ {min} ถึง {max}"
    ),
    "Must be greater than {min} and less than or equal to {max}.": (
        "ต้องมากกว่า {min} และไม่เกิน {max}"
    ),
    "Must be greater than or equal to {min} and less than {max}.": (
        "ต้องมีค่าตั้งแต่ {min} แต่น้อยกว่า {max}"
    ),
    "Must be greater than {min} and less than {max}.": "ต้องมากกว่า {min} และน้อยกว่า {max}",
    "Must be greater than or equal to {min}.": "ต้องมีค่าอย่างน้อย {min}",
    "Must be greater than {min}.": "ต้องมากกว่า {min}",
    "Must be less than or equal to {max}.": "ต้องมีค่าไม่เกิน {max}",
    "Must be less than {max}.": "ต้องน้อยกว่า {max}",
}
