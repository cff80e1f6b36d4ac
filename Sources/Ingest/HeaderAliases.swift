import Columns

/// Header spellings seen in CRM exports (English API names and labels, Chinese labels) for each
/// canonical column. Keys are normalised (`HeaderAliases.normalize`): lower-case, without spaces,
/// `_`, `-`, `.`, `/` — so `Customer ID`, `customer_id` and `CustomerId` are one alias.
public enum HeaderAliases {
    /// Aliases that mean the same column in every table.
    static let common: [String: [String]] = [
        "customer_id": ["customerid", "custid", "clientid", "accountid", "contactid", "客户id", "客户编号", "客户编码",
                        "客户代码", "会员id", "会员编号"],
        "name": ["name", "fullname", "customername", "accountname", "contactname", "companyname", "客户名称", "客户名",
                 "客户", "姓名", "名称", "联系人"],
        "email": ["email", "emailaddress", "mail", "e-mail", "emailfrom", "邮箱", "电子邮箱", "电子邮件", "邮件"],
        "phone": ["phone", "phonenumber", "mobile", "mobilephone", "tel", "telephone", "cell", "手机", "手机号",
                  "手机号码", "电话", "联系电话", "联系方式", "移动电话"],
        "company": ["company", "organization", "organisation", "associatedcompany", "公司", "公司名称", "单位",
                    "所属公司", "企业名称"],
        "industry": ["industry", "行业", "所属行业"],
        "region": ["region", "area", "salesregion", "地区", "区域", "大区", "省份", "省"],
        "city": ["city", "town", "suburb", "locality", "城市", "所在城市", "市"],
        "source": ["source", "leadsource", "accountsource", "客户来源", "来源", "线索来源", "渠道来源"],
        "owner": ["owner", "ownerid", "dealowner", "companyowner", "contactowner", "leadowner", "salesrep", "rep",
                  "userid", "负责人", "销售", "销售员", "所属销售", "跟进人", "客户经理", "归属人"],
        "created_at": ["createdat", "createddate", "createdate", "createdtime", "createtime", "creationdate",
                       "创建时间", "创建日期", "录入时间"],
        "tags": ["tags", "tag", "labels", "标签", "客户标签"],
        "order_id": ["orderid", "orderno", "ordernumber", "salesorderid", "订单号", "订单编号", "订单id", "单号"],
        "order_date": ["orderdate", "dateorder", "orderedat", "purchasedate", "下单日期", "下单时间", "订单日期", "成交日期"],
        "amount": ["amount", "total", "amounttotal", "ordertotal", "value", "dealamount", "expectedrevenue",
                   "金额", "订单金额", "成交金额", "总金额", "实付金额", "预计成交金额", "商机金额"],
        "currency": ["currency", "currencyisocode", "币种", "货币"],
        "channel": ["channel", "medium", "origin", "渠道", "销售渠道"],
        "status": ["status", "state", "leadstatus", "状态", "订单状态"],
        "interaction_id": ["interactionid", "activityid", "taskid", "eventid", "跟进记录id", "跟进id", "活动id"],
        "occurred_at": ["occurredat", "activitydate", "activitydatetime", "date", "datetime", "跟进时间", "活动时间",
                        "发生时间"],
        "type": ["type", "activitytype", "tasksubtype", "类型", "跟进方式", "活动类型"],
        "outcome": ["outcome", "result", "结果", "跟进结果"],
        "opportunity_id": ["opportunityid", "dealid", "oppid", "商机id", "商机编号"],
        "stage": ["stage", "stagename", "dealstage", "商机阶段", "阶段", "销售阶段"],
        "probability": ["probability", "winrate", "赢率", "成交概率"],
        "expected_close": ["expectedclose", "closedate", "closingdate", "datedeadline", "预计成交日期", "预计签单日期"],
        "closed_at": ["closedat", "closeddate", "dateclosed", "实际成交日期", "关闭时间", "结单时间"],
        "lost_reason": ["lostreason", "reasonforloss", "lostreasonid", "输单原因", "丢单原因"],
        "entered_at": ["enteredat", "stagedate", "进入时间", "阶段变更时间"],
        "ticket_id": ["ticketid", "caseid", "casenumber", "工单号", "工单编号", "工单id"],
        "first_response_at": ["firstresponseat", "firstresponsetime", "首次响应时间"],
        "resolved_at": ["resolvedat", "resolveddate", "解决时间", "完成时间"],
        "priority": ["priority", "优先级"],
        "satisfaction": ["satisfaction", "csat", "rating", "满意度", "评分"],
        "campaign_id": ["campaignid", "活动编号", "营销活动id"],
        "cost": ["cost", "actualcost", "budgetedcost", "花费", "成本", "费用"],
        "started_at": ["startedat", "startdate", "开始日期", "开始时间"],
        "responded_at": ["respondedat", "firstrespondeddate", "响应时间"],
    ]

    /// Spellings that name the key of whatever table is being loaded (`Id` in Salesforce, `Record ID` in HubSpot).
    static let key: [String] = ["id", "recordid", "_id", "编号", "记录id", "zcrmid"]

    /// Lower-case ASCII, drop separators, fold full-width ASCII (`ＩＤ`) so labels compare loosely.
    public static func normalize(_ header: String) -> String {
        var out = ""
        for scalar in header.unicodeScalars {
            var v = scalar.value
            if (0xFF01...0xFF5E).contains(v) { v -= 0xFEE0 }
            if v == 0x20 || v == 0x3000 || v == 0x5F || v == 0x2D || v == 0x2E || v == 0x2F || v == 0x09 { continue }
            if (0x41...0x5A).contains(v) { v += 0x20 }
            out.unicodeScalars.append(Unicode.Scalar(v) ?? scalar)
        }
        return out
    }

    /// The canonical column of `table` that `header` names by alias, if any.
    public static func canonical(for header: String, in table: CanonicalTable) -> String? {
        let n = normalize(header)
        if n.isEmpty { return nil }
        if table.fields.contains(where: { normalize($0.name) == n }) {
            return table.fields.first { normalize($0.name) == n }!.name
        }
        if key.contains(n) { return table.key }
        for field in table.fields where common[field.name]?.contains(n) == true { return field.name }
        return nil
    }
}
