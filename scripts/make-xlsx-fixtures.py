#!/usr/bin/env python3
"""Writes the xlsx test fixtures and the CRM export samples (invented people, no real data).

- Tests/IngestTests/Excel/Fixtures/: workbook.xlsx (openpyxl: title row, merged group headers, dates,
  several sheets), handmade.xlsx (raw SpreadsheetML: inline strings, formulas with cached values,
  1904 dates, errors, sparse rows), huge-shared-strings.xlsx, no-workbook.xlsx.
- sample-data/gbk/customers.xlsx: the xlsx twin of sample-data/gbk/customers.csv (same 5,000 rows;
  创建时间 as real Excel date-times, everything else as text).
- sample-data/exports/<system>/: one small export per CRM profile.
- With --perf PATH: a 100,000-row sheet for timing (not committed).

Deterministic: fixed data, fixed timestamps in the package parts. Needs `pip install openpyxl`.
Run from anywhere: python3 scripts/make-xlsx-fixtures.py
"""
import csv
import datetime as dt
import io
import os
import re
import sys
import zipfile

import openpyxl
from openpyxl.styles import Alignment

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
FIXTURES = os.path.join(ROOT, "Tests", "IngestTests", "Excel", "Fixtures")
EXPORTS = os.path.join(ROOT, "sample-data", "exports")
FIXED = dt.datetime(2026, 1, 1, 0, 0, 0)


def save(wb, path):
    """openpyxl stamps docProps/core.xml with the current time: fix it so reruns are byte-identical."""
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    buf = io.BytesIO()
    wb.save(buf)
    rezip(buf.getvalue(), path)


def rezip(data, path):
    src = zipfile.ZipFile(io.BytesIO(data))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"<dcterms:modified[^<]*</dcterms:modified>",
                              b'<dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:modified>', body)
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(zi, body)


def raw_xlsx(path, parts):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in parts:
            zi = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, body)


# ---------------------------------------------------------------- Excel reader fixtures

def workbook_fixture():
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "说明"
    notes["A1"] = "本文件由测试脚本生成"
    ws = wb.create_sheet("客户")
    ws["A1"] = "客户列表 导出于 2024-03-05"
    ws.merge_cells("A1:G1")
    ws.append(["客户编号", "客户名称", "手机", "创建时间", "最近成交", "VIP", "累计成交金额"])
    rows = [
        ["KH001", "张伟", "13812345678", dt.datetime(2024, 3, 5, 9, 7, 30), dt.date(2024, 3, 1), True, 1234.5],
        ["KH002", "李娜\n(北京)", "13987654321", dt.datetime(2023, 12, 31, 23, 59, 59), dt.date(2023, 1, 15), False, 12000],
        None,  # an empty row in the middle
        ["KH003", "王芳 & Co <a>", None, dt.datetime(2024, 2, 29, 0, 0, 0), None, True, "1.2万"],
        ["KH004", "刘洋", "010-66778899", dt.datetime(1900, 3, 1, 12, 0, 0), dt.date(1900, 2, 28), False, -5.25],
    ]
    for r in rows:
        ws.append(r if r else [])
    for row in ws.iter_rows(min_row=3, max_row=ws.max_row):
        row[3].number_format = "yyyy-mm-dd hh:mm:ss"
        row[4].number_format = "yyyy/m/d"
    ws["B4"].alignment = Alignment(wrap_text=True)
    grouped = wb.create_sheet("分组表头")
    grouped.append(["客户", None, "联系方式", None, "创建时间"])
    grouped.append(["编号", "名称", "手机", "邮箱", None])
    grouped.merge_cells("A1:B1")
    grouped.merge_cells("C1:D1")
    grouped.merge_cells("E1:E2")
    grouped.append(["KH101", "赵敏", "13700001111", "zhao@example.com", dt.date(2024, 1, 2)])
    grouped.append(["KH102", "钱进", "13700002222", "qian@example.com", dt.date(2024, 1, 3)])
    grouped["E3"].number_format = "yyyy年m月d日"
    grouped["E4"].number_format = "yyyy年m月d日"
    save(wb, os.path.join(FIXTURES, "workbook.xlsx"))


CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      '</Types>')
ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
             '</Relationships>')


def workbook_parts(sheets, date1904=False):
    wb = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
          + ('<workbookPr date1904="1"/>' if date1904 else '<workbookPr/>') + '<sheets>'
          + "".join(f'<sheet name="{n}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, n in enumerate(sheets))
          + '</sheets></workbook>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>'
                      for i in range(len(sheets)))
            + '</Relationships>')
    return [("[Content_Types].xml", CT), ("_rels/.rels", ROOT_RELS), ("xl/workbook.xml", wb),
            ("xl/_rels/workbook.xml.rels", rels)]


STYLES = ('<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd\\ hh:mm"/></numFmts>'
          '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="4"/></cellXfs>'
          '</styleSheet>')


def handmade_fixture():
    """Raw SpreadsheetML the way other writers produce it: an x: namespace prefix, inline strings,
    formulas with cached values, an error, a boolean, 1904 dates, skipped rows and columns."""
    sheet = ('<?xml version="1.0" encoding="UTF-8"?>'
             '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>'
             '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>id</x:t></x:is></x:c>'
             '<x:c r="B1" t="inlineStr"><x:is><x:t>name</x:t></x:is></x:c>'
             '<x:c r="C1" t="inlineStr"><x:is><x:t>amount</x:t></x:is></x:c>'
             '<x:c r="D1" t="inlineStr"><x:is><x:t>signed_on</x:t></x:is></x:c>'
             '<x:c r="E1" t="inlineStr"><x:is><x:t>active</x:t></x:is></x:c>'
             '<x:c r="F1" t="inlineStr"><x:is><x:t>label</x:t></x:is></x:c></x:row>'
             # row 2: rich text inline string, formula with numeric cached value, 1904 date serial 0 = 1904-01-01
             '<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:r><x:t>R</x:t></x:r><x:r><x:t xml:space="preserve">-1 </x:t></x:r></x:is></x:c>'
             '<x:c r="B2" t="inlineStr"><x:is><x:t>A &amp; B &lt;Ltd&gt; &#20013;&#x6587;</x:t></x:is></x:c>'
             '<x:c r="C2"><x:f>SUM(1,2)</x:f><x:v>3</x:v></x:c>'
             '<x:c r="D2" s="1"><x:v>0</x:v></x:c>'
             '<x:c r="E2" t="b"><x:v>1</x:v></x:c>'
             '<x:c r="F2" t="str"><x:f>CONCAT("a","b")</x:f><x:v>ab</x:v></x:c></x:row>'
             # rows 3 and 4 are absent; row 5 skips column B and has an error cell and a datetime
             '<x:row r="5"><x:c r="A5" t="inlineStr"><x:is><x:t>R-2</x:t></x:is></x:c>'
             '<x:c r="C5" s="3"><x:v>1.5E+3</x:v></x:c>'
             '<x:c r="D5" s="2"><x:v>43890.75</x:v></x:c>'
             '<x:c r="E5" t="b"><x:v>0</x:v></x:c>'
             '<x:c r="F5" t="e"><x:v>#N/A</x:v></x:c></x:row>'
             # row 6: a cell with an Excel _xHHHH_ escape (carriage return) and an empty self-closing cell
             '<x:row r="6"><x:c r="A6" t="inlineStr"><x:is><x:t>R-3</x:t></x:is></x:c>'
             '<x:c r="B6" t="inlineStr"><x:is><x:t>line_x000D_break</x:t></x:is></x:c><x:c r="C6"/>'
             '<x:c r="D6" s="1"><x:v>1</x:v></x:c></x:row>'
             # row 7: not a number in the amount column -> quarantined
             '<x:row r="7"><x:c r="A7" t="inlineStr"><x:is><x:t>R-4</x:t></x:is></x:c>'
             '<x:c r="C7" t="inlineStr"><x:is><x:t>n/a?</x:t></x:is></x:c></x:row>'
             '</x:sheetData></x:worksheet>')
    parts = workbook_parts(["Data"], date1904=True) + [("xl/styles.xml", STYLES), ("xl/worksheets/sheet1.xml", sheet)]
    raw_xlsx(os.path.join(FIXTURES, "handmade.xlsx"), parts)


def hostile_fixtures():
    # One 8 MB shared string (it deflates to a few KB) and a count attribute that lies.
    big = "A" * (8 << 20)
    sst = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
           'count="4000000000" uniqueCount="4000000000"><si><t>name</t></si><si><t>' + big + '</t></si><si><t>id</t></si></sst>')
    sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             '<row r="1"><c r="A1" t="s"><v>2</v></c><c r="B1" t="s"><v>0</v></c></row>'
             '<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="s"><v>1</v></c></row>'
             '<row r="3"><c r="A3"><v>2</v></c><c r="B3" t="s"><v>99</v></c></row>'
             '</sheetData></worksheet>')
    parts = workbook_parts(["Big"]) + [("xl/sharedStrings.xml", sst), ("xl/worksheets/sheet1.xml", sheet)]
    raw_xlsx(os.path.join(FIXTURES, "huge-shared-strings.xlsx"), parts)
    raw_xlsx(os.path.join(FIXTURES, "no-workbook.xlsx"), [("hello.txt", "not a workbook\n")])


# ---------------------------------------------------------------- GBK twin

def parse_cn_datetime(s):
    m = re.fullmatch(r"(\d{4})/(\d{1,2})/(\d{1,2}) (\d{1,2}):(\d{2})(?::(\d{2}))?", s)
    if m:
        y, mo, d, h, mi, se = m.groups()
        return dt.datetime(int(y), int(mo), int(d), int(h), int(mi), int(se or 0))
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})", s)
    if m:
        return dt.datetime(*map(int, m.groups()))
    return None


def gbk_twin():
    src = os.path.join(ROOT, "sample-data", "gbk", "customers.csv")
    with open(src, newline="", encoding="gb18030") as f:
        rows = list(csv.reader(f))
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("客户")
    header = rows[0]
    created = header.index("创建时间")
    ws.append(header)
    for r in rows[1:]:
        out = []
        for i, v in enumerate(r):
            if v == "":
                out.append(None)
            elif i == created and parse_cn_datetime(v):
                cell = openpyxl.cell.WriteOnlyCell(ws, value=parse_cn_datetime(v))
                cell.number_format = "yyyy/m/d h:mm"
                out.append(cell)
            else:
                out.append(v)
        ws.append(out)
    save(wb, os.path.join(ROOT, "sample-data", "gbk", "customers.xlsx"))


# ---------------------------------------------------------------- CRM exports

SF_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"


def sf18(id15):
    """Salesforce's 18-character id: per 5-character chunk, a bit for each upper-case letter."""
    suffix = ""
    for k in range(3):
        chunk = id15[k * 5:(k + 1) * 5]
        bits = sum(1 << i for i, c in enumerate(chunk) if "A" <= c <= "Z")
        suffix += SF_CHARS[bits]
    return id15 + suffix


def write_csv(path, header, rows, encoding="utf-8", newline="\n"):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator=newline)
    w.writerow(header)
    for r in rows:
        w.writerow(["" if v is None else v for v in r])
    with open(path, "wb") as f:
        f.write(buf.getvalue().encode(encoding))


def write_xlsx(path, sheet, header, rows, title=None, formats=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    if title:
        ws.append([title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws.append(header)
    for r in rows:
        ws.append(list(r))
    for col, fmt in (formats or {}).items():
        c = header.index(col) + 1
        for row in ws.iter_rows(min_row=2, min_col=c, max_col=c):
            row[0].number_format = fmt
    save(wb, path)


def salesforce():
    d = os.path.join(EXPORTS, "salesforce")
    # The last three accounts are also in the Odoo database (sample-data/odoo/odoo.sql) or the 简道云
    # export: pipelines/mixed-sources.yml resolves them across the systems.
    acc = ["001Hs00000AbCdE", "001Hs00000FgHiJ", "001Hs00000KlMnO", "001Hs00000PqRsT",
           "001Hs00000PnGyU", "001Hs00000XnGhE", "001Hs00000NoRdL"]
    write_csv(f"{d}/Account.csv",
              ["Id", "Name", "Type", "Industry", "BillingCity", "BillingState", "Phone", "AccountSource", "OwnerId", "CreatedDate"],
              [[sf18(acc[0]), "Northwind Traders", "Customer - Direct", "Retail", "Seattle", "WA", "(206) 555-0100", "Web", "005Hs000001AaAa", "2024-01-02T10:00:00.000Z"],
               [sf18(acc[1]), "Blue Yonder Airlines", "Prospect", "Transportation", "Denver", "CO", "(303) 555-0101", "Partner Referral", "005Hs000001BbBb", "2024-01-05T08:30:00.000Z"],
               [sf18(acc[2]), "Fabrikam Inc", "Customer - Channel", "Manufacturing", "Austin", "TX", "", "Trade Show", "005Hs000001AaAa", "2024-02-11T15:45:00.000Z"],
               [sf18(acc[3]), "Tailspin Toys", "Prospect", "Retail", "Boston", "MA", "(617) 555-0102", "Web", "005Hs000001BbBb", "2024-03-01T09:00:00.000Z"],
               [sf18(acc[4]), "深圳市鹏远电子股份有限公司", "Customer - Direct", "Electronics", "深圳", "广东", "+86 755 2233 4455", "Trade Show", "005Hs000001CcCc", "2023-04-18T02:30:00.000Z"],
               [sf18(acc[5]), "北京星河科技有限公司", "Customer - Direct", "Technology", "北京", "北京", "+86 138 0013 8001", "Web", "005Hs000001CcCc", "2023-10-30T08:00:00.000Z"],
               [sf18(acc[6]), "Nordlicht Logistik GmbH", "Prospect", "Transportation", "Hamburg", "Hamburg", "+49 40 123 4567", "Partner Referral", "005Hs000001BbBb", "2024-02-01T09:00:00.000Z"]])
    # Name is the read-only compound of FirstName and LastName that the export carries; with a
    # Chinese locale it is family name first, written with a space as Salesforce joins the parts.
    # Jonas Becker's AccountId has the 15-character form (the profile's lookup must still find it).
    con = ["003Hs00000CoNt1", "003Hs00000CoNt2", "003Hs00000CoNt3", "003Hs00000CoNt4", "003Hs00000CoNt5"]
    write_csv(f"{d}/Contact.csv",
              ["Id", "AccountId", "FirstName", "LastName", "Name", "Email", "Phone", "MobilePhone", "Title", "LeadSource", "OwnerId", "CreatedDate"],
              [[sf18(con[0]), sf18(acc[0]), "Ava", "Lindqvist", "Ava Lindqvist", "ava.lindqvist@example.com", "", "(206) 555-0110", "Buyer", "Web", "005Hs000001AaAa", "2024-01-03T11:00:00.000Z"],
               [sf18(con[1]), sf18(acc[1]), "Noah", "Okafor", "Noah Okafor", "noah.okafor@example.org", "(303) 555-0111", "", "CTO", "Partner Referral", "005Hs000001BbBb", "2024-01-06T12:00:00.000Z"],
               [sf18(con[2]), sf18(acc[2]), "Mei", "Tanaka", "Mei Tanaka", "mei.tanaka@example.net", "", "", "COO", "Trade Show", "005Hs000001AaAa", "2024-02-12T13:00:00.000Z"],
               [sf18(con[3]), sf18(acc[4]), "婷", "刘", "刘 婷", "LiuTing@PengYuan.example.cn", "0755-2233 4455 转 8021", "+86 139-1234-5678", "采购经理", "Trade Show", "005Hs000001CcCc", "2023-04-18T03:00:00.000Z"],
               [sf18(con[4]), acc[6], "Jonas", "Becker", "Jonas Becker", "j.becker@nordlicht.example.de", "", "0049 170 5551234", "Head of IT", "Partner Referral", "005Hs000001BbBb", "2024-02-01T09:10:00.000Z"]])
    # Web-to-Lead without a company fills Company with "[not provided]"; the second 刘婷 is a
    # namesake at another company, who must stay a separate customer.
    write_csv(f"{d}/Lead.csv",
              ["Id", "FirstName", "LastName", "Name", "Company", "Status", "LeadSource", "Industry", "Email", "Phone", "MobilePhone", "IsConverted", "OwnerId", "CreatedDate"],
              [["00QHs00000LeAd1", "Liam", "Brennan", "Liam Brennan", "Contoso Pharmaceuticals", "Open - Not Contacted", "Web", "Healthcare", "liam.brennan@example.com", "", "(415) 555-0120", "false", "005Hs000001AaAa", "2024-03-10T07:00:00.000Z"],
               ["00QHs00000LeAd2", "Sofia", "Marin", "Sofia Marin", "Litware Inc", "Working - Contacted", "Phone Inquiry", "Technology", "sofia.marin@example.com", "(212) 555-0121", "", "false", "005Hs000001BbBb", "2024-03-12T16:20:00.000Z"],
               ["00QHs00000LeAd3", "敏", "赵", "赵 敏", "[not provided]", "Open - Not Contacted", "Web", "", "ZhaoMin@example.com", "", "186 0000 1111", "false", "005Hs000001CcCc", "2025-09-02T13:14:00.000Z"],
               ["00QHs00000LeAd4", "婷", "刘", "刘 婷", "北京博雅教育科技有限公司", "Working - Contacted", "Phone Inquiry", "Education", "liuting@boya-edu.example.cn", "010-6288 1200", "135 1111 2222", "false", "005Hs000001CcCc", "2025-05-06T02:00:00.000Z"]])
    opp = ["006Hs00000OpPa1", "006Hs00000OpPa2", "006Hs00000OpPa3", "006Hs00000OpPa4", "006Hs00000OpPa5", "006Hs00000OpPa6",
           "006Hs00000OpPa7", "006Hs00000OpPa8", "006Hs00000OpPa9"]
    write_csv(f"{d}/Opportunity.csv",
              ["Id", "AccountId", "Name", "StageName", "Amount", "Probability", "ExpectedRevenue", "CloseDate", "IsClosed", "IsWon", "ForecastCategoryName", "LeadSource", "Type", "OwnerId", "CampaignId", "CreatedDate", "CurrencyIsoCode"],
              [[sf18(opp[0]), sf18(acc[0]), "Northwind - POS rollout", "Closed Won", "48000", "100", "48000", "2024-04-30", "true", "true", "Closed", "Web", "New Business", "005Hs000001AaAa", "701Hs00000CaMp1", "2024-01-10T10:00:00.000Z", "USD"],
               [sf18(opp[1]), sf18(acc[1]), "Blue Yonder - crew app", "Negotiation/Review", "120000", "90", "108000", "2024-06-15", "false", "false", "Commit", "Partner Referral", "New Business", "005Hs000001BbBb", "", "2024-01-20T10:00:00.000Z", "USD"],
               [sf18(opp[2]), acc[2], "Fabrikam - line sensors", "Proposal/Price Quote", "35500.50", "75", "26625.38", "2024-07-01", "false", "false", "Best Case", "Trade Show", "Existing Business", "005Hs000001AaAa", "701Hs00000CaMp1", "2024-02-15T10:00:00.000Z", "USD"],
               [sf18(opp[3]), sf18(acc[3]), "Tailspin - holiday promo", "Closed Lost", "9000", "0", "0", "2024-03-31", "true", "false", "Omitted", "Web", "New Business", "005Hs000001BbBb", "", "2024-03-02T10:00:00.000Z", "USD"],
               [sf18(opp[4]), sf18(acc[0]), "Northwind - support renewal", "Qualification", "12000", "10", "1200", "2024-09-30", "false", "false", "Pipeline", "Web", "Existing Business", "005Hs000001AaAa", "", "2024-03-20T10:00:00.000Z", "USD"],
               [sf18(opp[5]), sf18(acc[2]), "Fabrikam - analytics", "Prospecting", "", "10", "", "2024-10-31", "false", "false", "Pipeline", "Trade Show", "New Business", "005Hs000001AaAa", "", "2024-03-25T10:00:00.000Z", "USD"],
               [sf18(opp[6]), sf18(acc[4]), "鹏远 - 测试治具", "Proposal/Price Quote", "320000", "75", "240000", "2026-02-28", "false", "false", "Best Case", "Trade Show", "Existing Business", "005Hs000001CcCc", "", "2025-10-15T02:00:00.000Z", "CNY"],
               [sf18(opp[7]), sf18(acc[5]), "星河 - 数据平台订阅", "Closed Won", "96000", "100", "96000", "2025-06-30", "true", "true", "Closed", "Web", "New Business", "005Hs000001CcCc", "", "2025-03-01T01:00:00.000Z", "CNY"],
               [sf18(opp[8]), sf18(acc[6]), "Nordlicht - EDI connector", "Needs Analysis", "40000", "20", "8000", "2026-03-31", "false", "false", "Pipeline", "Partner Referral", "New Business", "005Hs000001BbBb", "", "2025-11-03T09:00:00.000Z", "EUR"]])
    hist = [(0, "Prospecting", "2024-01-10T10:00:00.000Z"), (0, "Proposal/Price Quote", "2024-02-01T10:00:00.000Z"),
            (0, "Closed Won", "2024-04-28T10:00:00.000Z"), (1, "Qualification", "2024-01-20T10:00:00.000Z"),
            (1, "Negotiation/Review", "2024-03-15T10:00:00.000Z"), (3, "Prospecting", "2024-03-02T10:00:00.000Z"),
            (3, "Closed Lost", "2024-03-29T10:00:00.000Z")]
    write_csv(f"{d}/OpportunityHistory.csv",
              ["Id", "OpportunityId", "StageName", "Amount", "Probability", "ExpectedRevenue", "CloseDate", "CreatedDate"],
              [[sf18(f"008Hs00000HiSt{k}"), sf18(opp[o]), s, "", "", "", "", t] for k, (o, s, t) in enumerate(hist)])
    write_csv(f"{d}/Case.csv",
              ["Id", "CaseNumber", "AccountId", "ContactId", "Status", "Origin", "Priority", "Reason", "Type", "IsClosed", "ClosedDate", "CreatedDate", "IsEscalated", "OwnerId"],
              [[sf18("500Hs00000CaSe1"), "00001001", sf18(acc[0]), sf18(con[0]), "Closed", "Email", "High", "Installation", "Problem", "true", "2024-02-03T12:00:00.000Z", "2024-02-01T09:00:00.000Z", "false", "005Hs000001AaAa"],
               [sf18("500Hs00000CaSe2"), "00001002", sf18(acc[1]), sf18(con[1]), "New", "Phone", "Medium", "", "Question", "false", "", "2024-03-05T14:00:00.000Z", "false", "005Hs000001BbBb"]])
    write_csv(f"{d}/Task.csv",
              ["Id", "WhoId", "WhatId", "AccountId", "ActivityDate", "Status", "Subject", "TaskSubtype", "CallDurationInSeconds", "OwnerId"],
              [[sf18("00THs00000TaSk1"), sf18(con[0]), sf18(opp[0]), sf18(acc[0]), "2024-02-02", "Completed", "Call about rollout", "Call", "420", "005Hs000001AaAa"],
               [sf18("00THs00000TaSk2"), sf18(con[1]), sf18(opp[1]), sf18(acc[1]), "2024-03-16", "Not Started", "Send contract", "Task", "", "005Hs000001BbBb"]])
    write_csv(f"{d}/Event.csv",
              ["Id", "WhoId", "WhatId", "AccountId", "ActivityDateTime", "EndDateTime", "DurationInMinutes", "Subject", "EventSubtype", "OwnerId"],
              [[sf18("00UHs00000EvNt1"), sf18(con[2]), sf18(opp[2]), sf18(acc[2]), "2024-02-20T15:00:00.000Z", "2024-02-20T16:00:00.000Z", "60", "Demo", "Event", "005Hs000001AaAa"]])
    write_csv(f"{d}/Campaign.csv",
              ["Id", "Name", "Type", "Status", "StartDate", "EndDate", "BudgetedCost", "ActualCost", "ExpectedRevenue"],
              [[sf18("701Hs00000CaMp1"), "Spring Webinar", "Webinar", "Completed", "2024-01-08", "2024-01-31", "5000", "4200", "60000"]])
    write_csv(f"{d}/CampaignMember.csv",
              ["Id", "CampaignId", "LeadId", "ContactId", "Status", "HasResponded", "FirstRespondedDate"],
              [[sf18("00vHs00000MeMb1"), sf18("701Hs00000CaMp1"), "", sf18(con[0]), "Responded", "true", "2024-01-09"],
               [sf18("00vHs00000MeMb2"), sf18("701Hs00000CaMp1"), "", sf18(con[2]), "Sent", "false", ""],
               [sf18("00vHs00000MeMb3"), sf18("701Hs00000CaMp1"), sf18("00QHs00000LeAd1"), "", "Responded", "true", "2024-01-12"]])


def hubspot():
    d = os.path.join(EXPORTS, "hubspot")
    write_csv(f"{d}/companies.csv",
              ["Record ID", "Company name", "Company owner", "Create Date", "Phone Number", "City", "Country/Region", "Industry"],
              [["9001", "Adatum Corp", "Rosa Díaz", "2024-01-04 10:12", "+1 425 555 0130", "Redmond", "United States", "COMPUTER_SOFTWARE"],
               ["9002", "Proseware Ltd", "Jonas Berg", "2024-01-18 16:40", "+44 20 7946 0131", "London", "United Kingdom", "MARKETING_AND_ADVERTISING"],
               ["9003", "Wingtip Toys", "Rosa Díaz", "2024-02-07 09:05", "", "Toronto", "Canada", "RETAIL"]])
    write_csv(f"{d}/contacts.csv",
              ["Record ID", "First Name", "Last Name", "Email", "Phone Number", "Lead Status", "Lifecycle Stage", "Create Date", "Associated Company", "Contact owner"],
              [["501", "Elena", "Petrova", "elena.petrova@example.com", "+1 425 555 0140", "IN_PROGRESS", "Sales Qualified Lead", "2024-01-05 11:00", "Adatum Corp", "Rosa Díaz"],
               ["502", "Kwame", "Mensah", "kwame.mensah@example.org", "", "NEW", "Lead", "2024-02-10 14:30", "Wingtip Toys", "Rosa Díaz"]])
    write_csv(f"{d}/deals.csv",
              ["Record ID", "Deal Name", "Associated Company IDs (Primary)", "Pipeline", "Deal Stage", "Amount", "Close Date", "Create Date", "Deal owner", "Last Activity Date"],
              [["7001", "Adatum - CRM seats", "9001", "Sales Pipeline", "Closed Won", "25000", "2024-03-29 00:00", "2024-01-06 09:00", "Rosa Díaz", "2024-03-28 17:00"],
               ["7002", "Proseware - agency retainer", "9002", "Sales Pipeline", "Contract Sent", "60000", "2024-05-31 00:00", "2024-01-20 10:00", "Jonas Berg", "2024-04-02 12:00"],
               ["7003", "Wingtip - holiday catalogue", "9003", "Sales Pipeline", "Appointment Scheduled", "8000", "2024-06-30 00:00", "2024-02-08 15:00", "Rosa Díaz", ""],
               ["7004", "Adatum - data migration", "9001", "Sales Pipeline", "Qualified To Buy", "14000", "2024-07-15 00:00", "2024-02-20 15:00", "Rosa Díaz", ""],
               ["7005", "Proseware - events", "9002", "Sales Pipeline", "Presentation Scheduled", "9500", "2024-06-01 00:00", "2024-03-01 15:00", "Jonas Berg", ""],
               ["7006", "Wingtip - loyalty app", "9003", "Sales Pipeline", "Closed Lost", "30000", "2024-03-15 00:00", "2024-01-25 15:00", "Rosa Díaz", ""]])


def zoho():
    d = os.path.join(EXPORTS, "zoho")
    write_csv(f"{d}/Accounts_2026_05_28.csv",
              ["Record Id", "Account Owner", "Account Owner.id", "Account Name", "Phone", "Account Type", "Industry", "Billing City", "Billing State", "Created Time"],
              [["zcrm_4876876000000231001", "Priya Nair", "zcrm_4876876000000100001", "Lucerne Publishing", "+91 80 5550 0150", "Customer", "Media", "Bengaluru", "Karnataka", "2024-01-03 10:00:00"],
               ["zcrm_4876876000000231002", "Tomás Ruiz", "zcrm_4876876000000100002", "Margie's Travel", "+34 91 555 0151", "Prospect", "Travel", "Madrid", "Madrid", "2024-01-09 11:30:00"],
               ["zcrm_4876876000000231003", "Priya Nair", "zcrm_4876876000000100001", "Coho Winery", "", "Customer", "Food & Beverage", "Napa", "CA", "2024-02-14 09:15:00"]])
    write_csv(f"{d}/Leads_2026_05_28.csv",
              ["Record Id", "Lead Owner", "Lead Owner.id", "First Name", "Last Name", "Company", "Email", "Phone", "Mobile", "Lead Source", "Lead Status", "City", "State", "Country", "Is Converted", "Created Time"],
              [["zcrm_4876876000000310001", "Tomás Ruiz", "zcrm_4876876000000100002", "Hana", "Kim", "Graphic Design Institute", "hana.kim@example.com", "", "+82 10 5555 0160", "Web Download", "Contacted", "Seoul", "", "South Korea", "false", "2024-03-01 08:00:00"]])
    write_csv(f"{d}/Deals_2026_05_28.csv",
              ["Record Id", "Deal Owner", "Deal Owner.id", "Deal Name", "Account Name", "Account Name.id", "Contact Name", "Amount", "Stage", "Probability (%)", "Closing Date", "Pipeline", "Reason For Loss", "Lead Source", "Created Time", "Last Activity Time"],
              [["zcrm_4876876000000420001", "Priya Nair", "zcrm_4876876000000100001", "Lucerne - print run", "Lucerne Publishing", "zcrm_4876876000000231001", "", "15000", "Closed Won", "100", "2024-03-20", "Standard", "", "Web", "2024-01-05 10:00:00", "2024-03-19 16:00:00"],
               ["zcrm_4876876000000420002", "Tomás Ruiz", "zcrm_4876876000000100002", "Margie's - group tours", "Margie's Travel", "zcrm_4876876000000231002", "", "42000", "Negotiation/Review", "90", "2024-06-30", "Standard", "", "Partner", "2024-01-12 10:00:00", ""],
               ["zcrm_4876876000000420003", "Priya Nair", "zcrm_4876876000000100001", "Coho - tasting room", "Coho Winery", "zcrm_4876876000000231003", "", "7200", "Qualification", "10", "2024-08-31", "Standard", "", "Web", "2024-02-15 10:00:00", ""],
               ["zcrm_4876876000000420004", "Priya Nair", "zcrm_4876876000000100001", "Coho - export", "Coho Winery", "zcrm_4876876000000231003", "", "18000", "Closed-Lost to Competition", "0", "2024-04-01", "Standard", "Price", "Web", "2024-02-20 10:00:00", ""],
               ["zcrm_4876876000000420005", "Tomás Ruiz", "zcrm_4876876000000100002", "Margie's - booking site", "Margie's Travel", "zcrm_4876876000000231002", "", "26000", "Proposal/Price Quote", "75", "2024-07-15", "Standard", "", "Partner", "2024-03-01 10:00:00", ""],
               ["zcrm_4876876000000420006", "Tomás Ruiz", "zcrm_4876876000000100002", "Lucerne - e-books", "Lucerne Publishing", "zcrm_4876876000000231001", "", "9800", "Needs Analysis", "20", "2024-09-01", "Standard", "", "Web", "2024-03-05 10:00:00", ""]])


def odoo():
    d = os.path.join(EXPORTS, "odoo")
    write_csv(f"{d}/res_partner.csv",
              ["id", "name", "complete_name", "email", "phone", "mobile", "is_company", "parent_id", "commercial_company_name", "city", "state_id", "country_id", "user_id", "create_date"],
              [["7", "上海青禾贸易有限公司", "上海青禾贸易有限公司", "info@qinghe.example.cn", "021-55501234", "", "t", "", "上海青禾贸易有限公司", "上海", "上海", "China", "2", "2024-01-02 09:00:00"],
               ["8", "周雪", "上海青禾贸易有限公司, 周雪", "zhouxue@qinghe.example.cn", "", "13955501234", "f", "7", "上海青禾贸易有限公司", "上海", "上海", "China", "2", "2024-01-03 10:00:00"],
               ["9", "Azure Interior", "Azure Interior", "azure.interior@example.com", "+1 555-0170", "", "t", "", "Azure Interior", "Fremont", "California", "United States", "6", "2024-01-10 11:00:00"]])
    stages = [("1", '{"en_US": "New", "zh_CN": "新"}', "1", "f"), ("2", '{"en_US": "Qualified", "zh_CN": "合格"}', "2", "f"),
              ("3", '{"en_US": "Proposition", "zh_CN": "提议"}', "3", "f"), ("4", '{"en_US": "Won", "zh_CN": "赢得"}', "70", "t")]
    write_csv(f"{d}/crm_stage.csv", ["id", "name", "sequence", "is_won"], stages)
    write_csv(f"{d}/crm_lead.csv",
              ["id", "type", "active", "name", "stage_id", "partner_id", "partner_name", "contact_name", "email_from", "expected_revenue", "probability", "date_deadline", "date_closed", "date_open", "create_date", "user_id", "team_id", "lost_reason_id", "source_id"],
              [["21", "opportunity", "t", "青禾 - 仓储系统", "4", "7", "上海青禾贸易有限公司", "周雪", "zhouxue@qinghe.example.cn", "180000.00", "100", "2024-04-30", "2024-04-18 15:00:00", "2024-01-05 09:00:00", "2024-01-05 09:00:00", "2", "1", "", "3"],
               ["22", "opportunity", "t", "Azure - office chairs", "3", "9", "Azure Interior", "", "", "24000.00", "60", "2024-06-30", "", "2024-02-01 09:00:00", "2024-02-01 09:00:00", "6", "1", "", ""],
               ["23", "opportunity", "t", "青禾 - 年度维保", "2", "7", "", "", "", "36000.00", "30", "2024-08-31", "", "2024-03-01 09:00:00", "2024-03-01 09:00:00", "2", "1", "", ""],
               ["24", "opportunity", "f", "Azure - lobby redesign", "2", "9", "", "", "", "52000.00", "0", "2024-05-31", "2024-04-02 10:00:00", "2024-02-15 09:00:00", "2024-02-15 09:00:00", "6", "1", "2", ""],
               ["25", "lead", "t", "来自官网的咨询", "1", "", "杭州远帆科技", "沈立", "shenli@yuanfan.example.cn", "0", "10", "", "", "", "2024-03-20 09:00:00", "2", "1", "", "1"]])
    write_csv(f"{d}/sale_order.csv",
              ["id", "name", "partner_id", "state", "date_order", "amount_untaxed", "amount_tax", "amount_total", "currency_id", "user_id", "team_id"],
              [["31", "S00031", "7", "sale", "2024-04-20 10:00:00", "159292.04", "20707.96", "180000.00", "CNY", "2", "1"],
               ["32", "S00032", "9", "cancel", "2024-03-02 11:00:00", "1000.00", "0.00", "1000.00", "USD", "6", "1"],
               ["33", "S00033", "9", "draft", "2024-05-02 11:00:00", "24000.00", "0.00", "24000.00", "USD", "6", "1"]])
    write_csv(f"{d}/mail_activity.csv",
              ["id", "res_model", "res_id", "activity_type_id", "summary", "date_deadline", "user_id", "create_date"],
              [["41", "res.partner", "7", "Call", "确认交付时间", "2024-04-10", "2", "2024-04-01 09:00:00"],
               ["42", "res.partner", "9", "Meeting", "Showroom visit", "2024-02-20", "6", "2024-02-10 09:00:00"]])


CN_CUSTOMERS = [
    ("C001", "北京星河科技有限公司", "13800138001", "hello@xinghe.example.cn", "信息技术", "北京", "北京", "官网", "陈静"),
    ("C002", "上海蓝海贸易有限公司", "13900139002", "sales@lanhai.example.cn", "批发零售", "上海", "上海", "展会", "王磊"),
    ("C003", "广州南方食品股份有限公司", "13700137003", "", "食品饮料", "广东", "广州", "转介绍", "陈静"),
    ("C004", "成都天府物流有限公司", "13600136004", "ops@tianfu.example.cn", "交通物流", "四川", "成都", "电话营销", "李娜"),
    ("C005", "杭州西湖文创有限公司", "13500135005", "", "文化传媒", "浙江", "杭州", "官网", "王磊"),
]
CN_STAGES_DEFAULT = ["初步接洽", "需求确认", "方案报价", "商务谈判", "赢单", "输单"]


def cn_opportunities(stages):
    amounts = ["120,000.00元", "¥58,000.00", "3.5万", "￥9,800.00", "200000", "1.2万"]
    rows = []
    for k, stage in enumerate(stages):
        c = CN_CUSTOMERS[k % len(CN_CUSTOMERS)]
        rows.append((f"S{k + 1:03d}", c[0], c[1], f"{c[1][:4]}项目{k + 1}", stage, amounts[k % len(amounts)],
                     f"{(k + 1) * 15}%", dt.date(2024, 4 + k, 10 + k), dt.datetime(2024, 1, 5 + k, 9, 30), c[8],
                     "价格偏高" if stage in ("输单", "丢单") else ""))
    return rows


def chinese_system(system, cust_file, opp_file, cust_header, opp_header, stages, fmt="xlsx", title=None):
    d = os.path.join(EXPORTS, system)
    cust_rows = [(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], dt.datetime(2023, 11, 1 + k, 10, 0))
                 for k, c in enumerate(CN_CUSTOMERS)]
    opp_rows = cn_opportunities(stages)
    if fmt == "xlsx":
        write_xlsx(f"{d}/{cust_file}", "客户", cust_header, cust_rows, title=title,
                   formats={cust_header[-1]: "yyyy-mm-dd hh:mm"})
        write_xlsx(f"{d}/{opp_file}", "商机", opp_header, opp_rows,
                   formats={opp_header[7]: "yyyy/m/d", opp_header[8]: "yyyy-mm-dd hh:mm"})
    else:  # GBK CSV as saved by Excel on Chinese Windows: dates 2024/3/5 9:07, CRLF
        def cn(v):
            if isinstance(v, dt.datetime):
                return f"{v.year}/{v.month}/{v.day} {v.hour}:{v.minute:02d}"
            if isinstance(v, dt.date):
                return f"{v.year}年{v.month}月{v.day}日"
            # GBK has no U+00A5; Chinese Windows writes the full-width ￥.
            return v.replace("¥", "￥") if isinstance(v, str) else v
        write_csv(f"{d}/{cust_file}", cust_header, [[cn(v) for v in r] for r in cust_rows], encoding="gbk", newline="\r\n")
        write_csv(f"{d}/{opp_file}", opp_header, [[cn(v) for v in r] for r in opp_rows], encoding="gbk", newline="\r\n")


# People the 简道云 forms share with the Odoo database and the Salesforce export (pipelines/mixed-sources.yml):
# the same person typed by another rep — phone grouped differently, e-mail in other case or missing,
# 深圳市 for 深圳, a company's short name. (id, name, phone, email, company, industry, province, city,
# source, owner, submitted)
JDY_SHARED_CUSTOMERS = [
    ("C006", "刘婷", "139 1234 5678", "LiuTing@pengyuan.example.cn", "深圳市鹏远电子股份有限公司", "电子制造", "广东", "深圳市", "展会", "李强",
     dt.datetime(2023, 5, 6, 14, 20)),
    ("C007", "陈晓东", "13800138000", "", "云启科技", "软件", "浙江", "杭州", "转介绍", "王芳", dt.datetime(2023, 3, 2, 9, 5)),
    ("C008", "赵敏", "186-0000-1111", "zhaomin@example.com", "", "", "上海", "上海", "官网", "李强", dt.datetime(2025, 9, 3, 10, 0)),
]
# Their 商机: 预计成交日期 typed as text (2025/12/20), amounts with ¥ and 万, as the form's text fields hold them.
JDY_SHARED_OPPORTUNITIES = [
    ("S007", "C007", "陈晓东", "云启 数据中台咨询", "商务谈判", "¥86,000.00", "60%", "2025/12/20", dt.datetime(2025, 8, 1, 10, 0), "王芳", ""),
    ("S008", "C008", "赵敏", "赵敏 家庭会员年卡", "赢单", "1.5万", "100%", "2025/9/30", dt.datetime(2025, 9, 5, 16, 30), "李强", ""),
]


def jiandaoyun():
    """The 简道云 export: the shared Chinese sample plus a 公司 field and the customers other systems also hold."""
    d = os.path.join(EXPORTS, "jiandaoyun")
    cust_header = ["客户编号", "客户名称", "手机", "邮箱", "公司", "所属行业", "省份", "城市", "客户来源", "负责人", "提交时间"]
    opp_header = ["商机编号", "客户编号", "客户名称", "商机名称", "商机阶段", "预计成交金额", "赢率", "预计成交日期", "提交时间", "负责人", "输单原因"]
    cust_rows = [(c[0], c[1], c[2], c[3], "", c[4], c[5], c[6], c[7], c[8], dt.datetime(2023, 11, 1 + k, 10, 0))
                 for k, c in enumerate(CN_CUSTOMERS)] + JDY_SHARED_CUSTOMERS
    write_xlsx(f"{d}/客户.xlsx", "客户", cust_header, cust_rows, formats={"提交时间": "yyyy-mm-dd hh:mm"})
    opp_rows = cn_opportunities(CN_STAGES_DEFAULT) + JDY_SHARED_OPPORTUNITIES
    # 预计成交日期: the shared sample's are date cells shown as 2024/4/10, the added rows' are text.
    write_xlsx(f"{d}/商机.xlsx", "商机", opp_header, opp_rows,
               formats={"预计成交日期": "yyyy/m/d", "提交时间": "yyyy-mm-dd hh:mm"})


def chinese_systems():
    jiandaoyun()
    chinese_system("fxiaoke", "AccountObj_客户.xlsx", "OpportunityObj_商机.xlsx",
                   ["客户编号", "客户名称", "手机", "邮箱", "行业", "省", "市", "来源", "负责人", "创建时间"],
                   ["商机编号", "客户编号", "客户名称", "商机名称", "商机阶段", "预计成交金额", "赢率", "预计成交日期", "创建时间", "负责人", "输单原因"],
                   ["验证客户", "需求确定", "方案/报价", "谈判审核", "赢单", "输单"], title="客户 导出数据")
    chinese_system("xiaoshouyi", "客户.xlsx", "商机.xlsx",
                   ["客户编号", "客户名称", "电话", "邮箱", "行业", "省份", "城市", "客户来源", "客户所有人", "创建日期"],
                   ["商机编号", "客户编号", "客户名称", "商机名称", "销售阶段", "销售金额", "赢率", "结单日期", "创建日期", "商机所有人", "输单原因"],
                   ["初步沟通", "立项评估", "方案报价", "谈判审核", "赢单", "输单"])
    chinese_system("yonyou", "客户档案.csv", "商机.csv",
                   ["客户编码", "客户名称", "手机", "邮箱", "所属行业", "所属地区", "城市", "客户来源", "专管业务员", "建档日期"],
                   ["商机编码", "客户编码", "客户名称", "商机名称", "商机阶段", "预计签单金额", "成功率", "预计签单日期", "创建时间", "业务员", "失败原因"],
                   ["初步接触", "需求分析", "方案提交", "商务谈判", "合同签订", "丢单"], fmt="csv")
    chinese_system("kingdee", "客户.csv", "商机.csv",
                   ["编码", "名称", "手机", "邮箱", "行业", "省份", "城市", "客户来源", "销售员", "创建日期"],
                   ["商机编码", "客户编码", "客户名称", "商机名称", "商机阶段", "预计签单金额", "赢单率", "预计签单日期", "创建日期", "销售员", "输单原因"],
                   CN_STAGES_DEFAULT, fmt="csv")
    chinese_system("beisen", "客户.xlsx", "商机.xlsx",
                   ["客户编号", "客户名称", "手机", "邮箱", "所属行业", "所属区域", "城市", "客户来源", "负责人", "创建时间"],
                   ["商机编号", "客户编号", "客户名称", "商机名称", "商机阶段", "预计成交金额", "赢率", "预计成交日期", "创建时间", "负责人", "输单原因"],
                   ["线索", "需求确认", "方案报价", "商务谈判", "赢单", "输单"])


def perf_sheet(path, rows=100_000):
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("客户")
    ws.append(["客户编号", "客户名称", "手机", "邮箱", "城市", "负责人", "创建时间", "累计成交金额", "VIP", "备注"])
    base = dt.datetime(2023, 1, 1)
    for i in range(rows):
        ws.append([f"KH{i:08d}", f"客户{i % 997}号", f"138{i:08d}", f"user{i}@example.com", ["北京", "上海", "广州", "成都"][i % 4],
                   ["陈静", "王磊", "李娜"][i % 3], base + dt.timedelta(minutes=37 * i), round(i * 1.37, 2), i % 5 == 0,
                   "重要客户" if i % 7 == 0 else None])
    wb.save(path)


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--perf":
        perf_sheet(sys.argv[2])
        return
    workbook_fixture()
    handmade_fixture()
    hostile_fixtures()
    gbk_twin()
    salesforce()
    hubspot()
    zoho()
    odoo()
    chinese_systems()


if __name__ == "__main__":
    main()
