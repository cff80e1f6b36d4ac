import Columns
import Ingest

/// The extra customer attributes entity resolution compares by default — birth date, id or tax
/// number, postcode, street address — arrive under many headers (DOB, date_of_birth, 出生日期,
/// soc_sec_id, 身份证号, zip, 邮编 …). An extra column under one of those spellings takes the name
/// resolution looks for, so they are used with no `columns:` mapping; an explicit mapping or a
/// column already carrying the name wins.
enum CustomerAttributeNames {
    /// Attribute → normalised header spellings (`HeaderAliases.normalize`).
    static let aliases: [(name: String, headers: Set<String>)] = [
        ("birth_date", ["birthdate", "dateofbirth", "dob", "birthday", "出生日期", "生日", "出生年月日"]),
        ("id_number", ["idnumber", "idno", "idcard", "idcardnumber", "nationalid", "ssn", "socsecid", "socialsecuritynumber",
                       "taxid", "taxnumber", "身份证", "身份证号", "身份证号码", "证件号", "证件号码", "税号", "纳税人识别号",
                       "统一社会信用代码"]),
        ("postcode", ["postcode", "postalcode", "zip", "zipcode", "邮编", "邮政编码"]),
        ("address", ["address", "streetaddress", "street", "address1", "addressline1", "地址", "详细地址", "联系地址", "通讯地址"]),
    ]

    /// Renames the first column of each attribute's spellings. Returns "header → name" for each.
    static func standardize(_ table: inout Table) throws -> [String] {
        var renamed: [String] = []
        for (name, headers) in aliases where table[name] == nil {
            guard let header = table.columnNames.first(where: { headers.contains(HeaderAliases.normalize($0)) }),
                  let column = table[header] else { continue }
            try table.add(name, column)
            table.remove(header)
            renamed.append("\(header) → \(name)")
        }
        return renamed
    }
}
