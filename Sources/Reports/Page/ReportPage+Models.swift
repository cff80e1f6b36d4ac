extension ReportPage {
    func modelSection() -> HTML {
        section(id: "models", title: .modelsTitle, csv: nil, empty: .modelsEmpty,
                model.models.isEmpty ? nil : [modelTable(model.models)])
    }

    private func modelTable(_ models: [ModelParameters]) -> HTML {
        var rows: [[String]] = []
        for m in models {
            for p in m.parameters { rows.append([m.model, p.name, format.parameter(p.value)]) }
            if let ll = m.logLikelihood { rows.append([m.model, t(.logLikelihood), format.decimal(ll, digits: 2)]) }
            if let c = m.converged { rows.append([m.model, t(.converged), t(c ? .yes : .no)]) }
        }
        return DataTable(
            caption: nil,
            columns: [.init(header: t(.model)), .init(header: t(.parameter)), .init(header: t(.value), numeric: true)],
            rows: rows
        ).render()
    }
}
