"""A small Arabic pack (and a French one quoting Arabic), built as Documents directly: what the
right-to-left tests of every format render."""

from __future__ import annotations

from curriculum.export.document import Bullets, Contents, Document, Heading, Note, PageBreak, Para, Table

# Fictional content, written for these tests.
REFERRAL = "آلية الإحالة"
PROSECUTION = "النيابة العمومية"
TITLE = "التدريب الأساسي على آلية الإحالة"
HEADINGS = ("اليوم الأول", "الجلسة 1: أدوار الفاعلين", "السرّ المهني")
SENTENCE = "تتولى النيابة العمومية في Tunis تنسيق الإحالة مع CNLCT عند الساعة 08:30 وفق المادة 12."
LONG_WORD = "الإدماج" * 400  # one unbroken word of 2,800 letters


def arabic_document() -> Document:
    return Document(
        title=TITLE,
        subtitle="دليل الميسّر",
        lang="ar",
        meta=(("السياق", "تونس (Tunisie)"), ("اللغة", "العربية"), ("الإصدار", "3")),
        footer=f"{TITLE} — الإصدار 3",
        blocks=(
            Contents("المحتويات"),
            PageBreak(),
            Heading(HEADINGS[0], 1, "day-1"),
            Heading(HEADINGS[1], 2, "roles"),
            Para(f"{SENTENCE}\n\n**{REFERRAL}** تجمع *قاضي تنفيذ العقوبات* و[الدليل](https://example.org/guide)."),
            Para("حالة خيالية أُعدّت لأغراض التدريب.", "meta"),
            Note("ملاحظات للميسّر", "اطلب من المشاركين تسمية **ثلاثة** فاعلين.\n\n- Ministère de la Justice\n- الإدماج"),
            Bullets(("الخطوة الأولى: الاستقبال", "الخطوة الثانية: التقييم (Évaluation)"), ordered=True),
            Table(
                ("الوقت", "النشاط", "الدقائق"),
                (("08:30–09:15", "عرض: آلية الإحالة", "45"), ("09:15–10:00", "دراسة حالة: Adama", "45")),
                (1.2, 3, 1),
            ),
            Heading(HEADINGS[2], 2, "secret"),
            Para("| الدور | المؤسسة |\n| --- | --- |\n| التنسيق | CNLCT |\n| المتابعة | قاضي تنفيذ العقوبات |"),
            Table(("الاسم", "المؤسسة", "التوقيع"), (), (2, 2, 1), blank_rows=3),
        ),
        page_label="صفحة {page} من {pages}",
    )


def french_document_quoting_arabic() -> Document:
    return Document(
        title="Formation de base",
        subtitle="Dossier de l’animateur",
        lang="fr",
        meta=(("Contexte", "Tunisie"),),
        footer="Formation de base",
        blocks=(
            Heading("Glossaire", 1, "glossary"),
            Para(f"Le mécanisme d’orientation ({REFERRAL}) réunit le parquet ({PROSECUTION}) et les services sociaux."),
            Table(("Terme", "Arabe"), (("Mécanisme d’orientation", REFERRAL),), (1, 1)),
        ),
        page_label="Page {page} sur {pages}",
    )
