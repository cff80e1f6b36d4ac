/// Customers with identical (x, t_x, T) contribute identical likelihood terms. Collapsing them to distinct triples
/// with counts cuts the work per likelihood evaluation from customers to distinct histories — on daily data with
/// one acquisition cohort that is orders of magnitude (every non-repeater of the same age is one row).
struct DistinctHistories {
    var frequency: [Double] = []
    var recency: [Double] = []
    var age: [Double] = []
    var count: [Double] = []

    init(frequency: [Double], recency: [Double], age: [Double]) {
        let order = frequency.indices.sorted {
            (frequency[$0], recency[$0], age[$0], $0) < (frequency[$1], recency[$1], age[$1], $1)
        }
        for i in order {
            if let j = self.frequency.indices.last,
               self.frequency[j] == frequency[i], self.recency[j] == recency[i], self.age[j] == age[i] {
                count[j] += 1
            } else {
                self.frequency.append(frequency[i])
                self.recency.append(recency[i])
                self.age.append(age[i])
                count.append(1)
            }
        }
    }
}
