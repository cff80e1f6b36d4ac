extension ReportPage {
    func modelSection() -> HTML {
        section(id: "models", title: .modelsTitle, csv: nil, empty: .modelsEmpty,
                model.models.isEmpty ? nil : [modelTable(model.models)])
    }

    private func modelTable(_ models: [ModelParameters]) -> HTML {
        var rows: [[String]] = []
        for m in models {
            var group: [[String]] = m.parameters.map { ["", $0.name, format.parameter($0.value)] }
            if let ll = m.logLikelihood { group.append(["", t(.logLikelihood), format.decimal(ll, digits: 2)]) }
            if let c = m.converged { group.append(["", t(.converged), t(c ? .yes : .no)]) }
            // The model's name once, on its first row: the table reads as groups.
            if group.isEmpty { group.append(["", "", ""]) }
            group[0][0] = m.model
            rows += group
        }
        return DataTable(
            caption: nil,
            columns: [.init(header: t(.model)), .init(header: t(.parameter)), .init(header: t(.value), numeric: true)],
            rows: rows
        ).render()
    }
}
