import Columns

/// Writes `customers.csv` and its ground truth `duplicates_truth.csv` (customer_id → entity_id,
/// the row's role and the edits or awkward cases it carries).
struct CustomersTable {
    static let truthHeader = ["customer_id", "entity_id", "role", "notes"]

    let population: Population

    func write(customers: CSVByteWriter, truth: CSVByteWriter) {
        let rows = population.rows
        let texts = CompanyTexts(population.companies)
        let maker = DuplicateMaker(population: population, texts: texts)
        customers.header(CanonicalTable.customers.fields.map(\.name))
        truth.header(CustomersTable.truthHeader)
        let original = EncodedText("original")
        let duplicate = EncodedText("duplicate")
        for row in 0..<rows.count {
            let e = Int(rows.entity[row])
            let entity = population.entities[e]
            let system = Int(rows.system[row])
            let record: CustomerRecord
            var notes = ""
            if rows.ordinal[row] == 0 {
                record = CustomerRecord(entity, system: system, phoneStyle: Int(entity.phoneStyle), population: population, texts: texts)
                notes = entity.hostile?.label ?? ""
            } else {
                var rng = Xoshiro256(seed: population.seed, stream: Streams.duplicates, index: UInt64(row))
                let (edited, edits) = maker.make(entity: entity, system: system, &rng)
                record = edited
                notes = edits.map(\.rawValue).joined(separator: ";")
            }
            rows.writeID(row, to: customers)
            customers.field(record.name)
            customers.field(record.email)
            customers.field(record.phone)
            customers.field(record.company)
            customers.field(record.industry)
            customers.field(record.region)
            customers.field(record.city)
            customers.field(CustomerRows.systems[system])
            customers.field(population.team.names[record.owner])
            customers.timestamp(seconds: rows.created[row])
            customers.field(record.tags)
            customers.endRow()

            rows.writeID(row, to: truth)
            truth.beginField()
            truth.appendPart(CustomersTable.entityPrefix)
            truth.appendDigits(e + 1, width: 7)
            truth.field(rows.ordinal[row] == 0 ? original : duplicate)
            truth.field(notes)
            truth.endRow()
        }
    }

    static let entityPrefix = EncodedText("E")
}
