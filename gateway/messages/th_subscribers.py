"""Thai for outside systems' subscriptions and the event log (the notifications service)."""

MESSAGES = {
    "subscription {id} not found": "ไม่พบการรับเหตุการณ์ของระบบภายนอก {id}",
    "events after this cursor are no longer kept (event_retention_days): read the current "
    "state, then replay from the start (no cursor)": (
        "เหตุการณ์หลังตำแหน่งนี้ไม่ได้เก็บไว้แล้ว (event_retention_days): "
        "ให้อ่านข้อมูลปัจจุบันก่อน แล้วเริ่มรับเหตุการณ์ใหม่ตั้งแต่ต้น (ไม่ระบุตำแหน่ง)"
    ),
}
