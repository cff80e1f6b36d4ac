import Reports

/// README.md of every report set: what the folder is and what each kind of file holds, for
/// whoever opens it without the project at hand. The same bytes every run, so a report folder
/// under version control (the project's own `reports/`) stays unchanged by a rerun.
enum ReportSetReadme {
    static let file = ReportFile(name: "README.md", text: """
    # Report set · 报告集

    Written by `crm run`; each run replaces the whole folder at once, and until the new set is
    complete the previous one stays in place. Do not edit files here: the next run overwrites them.

    由 `crm run` 生成；每次运行整体替换本文件夹，新报告集写完之前旧的保持不变。请勿手工修改，下次运行会覆盖。

    - `index.html` (and other `.html` pages): the management report — open in a browser, prints on A4.
      管理报告，用浏览器打开，可按 A4 打印。
    - `*.csv`: one file per analysis (RFM, churn, funnel, forecast, cohorts, service, performance …),
      UTF-8 (with a BOM when the report is in Chinese, so Excel opens it correctly).
      每项分析一个 CSV；中文报告带 BOM，Excel 可直接打开。
    - `quarantine.csv`: every input row that was not loaded, with file, line, column and reason.
      未能导入的行及原因（文件、行、列）。
    - `merge_log.csv`: which source rows became one golden customer, and why (per-field weights).
      客户合并记录及每个字段的匹配权重。
    - `scope/…/`: one report set per region or owner (数据权限), phones and e-mails masked when configured.
      按区域或负责人拆分的报告，可配置手机号、邮箱脱敏。
    - `segments/`: the customers of each named segment. 命名客群的客户名单。
    - `snapshot/`: the tables for `crm query` (Arrow files). 供 `crm query` 使用的数据快照。
    - `models.json`: fitted model parameters. 模型参数。
    - `manifest.json`: inputs with their SHA-256, row accounting (read = loaded + quarantined), stage
      timings, and every file of this set with its size and SHA-256.
      输入文件、行数核对、各阶段耗时及本报告集每个文件的大小与 SHA-256。

    """)
}
