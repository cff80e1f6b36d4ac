-- An invented Odoo 17-shaped CRM database for the PostgreSQL source tests (scripts/pg-test-server.sh
-- loads it). Table and column names follow Odoo's models (res.partner, crm.stage, crm.lead,
-- sale.order); translatable names are jsonb keyed by language, as Odoo 16+ stores them.
-- Every person, company, e-mail and phone number here is made up.
BEGIN;

CREATE TABLE res_users (
    id          integer PRIMARY KEY,
    login       varchar NOT NULL UNIQUE,
    name        varchar NOT NULL,
    active      boolean NOT NULL DEFAULT true
);

CREATE TABLE res_partner (
    id             integer PRIMARY KEY,
    name           varchar,
    complete_name  varchar,
    is_company     boolean NOT NULL DEFAULT false,
    parent_id      integer REFERENCES res_partner (id),
    email          varchar,
    phone          varchar,
    mobile         varchar,
    street         varchar,
    city           varchar,
    zip            varchar,
    country_code   char(2),
    industry       varchar,
    customer_rank  integer NOT NULL DEFAULT 0,
    user_id        integer REFERENCES res_users (id),
    active         boolean NOT NULL DEFAULT true,
    create_date    timestamp without time zone NOT NULL,
    write_date     timestamp without time zone NOT NULL
);

CREATE TABLE crm_stage (
    id        integer PRIMARY KEY,
    name      jsonb NOT NULL,
    sequence  integer NOT NULL,
    is_won    boolean NOT NULL DEFAULT false
);

CREATE TABLE crm_lead (
    id                integer PRIMARY KEY,
    name              varchar NOT NULL,
    type              varchar NOT NULL CHECK (type IN ('lead', 'opportunity')),
    partner_id        integer REFERENCES res_partner (id),
    contact_name      varchar,
    email_from        varchar,
    phone             varchar,
    stage_id          integer REFERENCES crm_stage (id),
    user_id           integer REFERENCES res_users (id),
    expected_revenue  numeric(16, 2),
    probability       double precision,
    active            boolean NOT NULL DEFAULT true,
    won_status        varchar CHECK (won_status IN ('won', 'lost', 'pending')),
    lost_reason       varchar,
    create_date       timestamp without time zone NOT NULL,
    date_deadline     date,
    date_closed       timestamp with time zone
);

CREATE TABLE sale_order (
    id            integer PRIMARY KEY,
    name          varchar NOT NULL UNIQUE,
    partner_id    integer NOT NULL REFERENCES res_partner (id),
    user_id       integer REFERENCES res_users (id),
    opportunity_id integer REFERENCES crm_lead (id),
    date_order    timestamp without time zone NOT NULL,
    amount_untaxed numeric(16, 2) NOT NULL,
    amount_total  numeric(16, 2) NOT NULL,
    currency      char(3) NOT NULL DEFAULT 'CNY',
    state         varchar NOT NULL CHECK (state IN ('draft', 'sent', 'sale', 'done', 'cancel')),
    team          varchar
);

INSERT INTO res_users (id, login, name) VALUES
    (2, 'admin', 'Administrator'),
    (6, 'wang.fang', '王芳'),
    (7, 'li.qiang', '李强'),
    (8, 'mia.keller', 'Mia Keller');

INSERT INTO res_partner (id, name, complete_name, is_company, parent_id, email, phone, mobile, street, city, zip,
                         country_code, industry, customer_rank, user_id, active, create_date, write_date) VALUES
    (10, '杭州云启科技有限公司', '杭州云启科技有限公司', true, NULL, 'info@yunqi-tech.example.cn', '0571-8765 4321', NULL,
         '西湖区文三路 88 号', '杭州', '310012', 'CN', '软件', 3, 6, true, '2023-02-14 09:12:40', '2025-06-01 10:00:00'),
    (11, '陈晓东', '杭州云启科技有限公司, 陈晓东', false, 10, 'chen.xd@yunqi-tech.example.cn', NULL, '+86 138 0013 8000',
         NULL, '杭州', NULL, 'CN', NULL, 1, 6, true, '2023-02-14 09:15:02', '2024-11-20 16:45:10'),
    (12, '深圳市鹏远电子股份有限公司', '深圳市鹏远电子股份有限公司', true, NULL, 'sales@pengyuan.example.cn', '0755-2233 4455',
         NULL, '南山区科技园南区', '深圳', '518057', 'CN', '电子制造', 5, 7, true, '2022-11-03 14:02:11', '2025-09-12 08:30:00'),
    (13, '刘婷', '深圳市鹏远电子股份有限公司, 刘婷', false, 12, 'liuting@pengyuan.example.cn', NULL, '13912345678', NULL,
         '深圳', NULL, 'CN', NULL, 2, 7, true, '2022-11-03 14:05:40', '2025-01-08 11:11:11'),
    (14, 'Nordlicht Logistik GmbH', 'Nordlicht Logistik GmbH', true, NULL, 'einkauf@nordlicht.example.de', '+49 40 1234567',
         NULL, 'Am Sandtorkai 5', 'Hamburg', '20457', 'DE', 'Logistics', 2, 8, true, '2023-06-21 07:40:00', '2025-03-02 13:20:00'),
    (15, 'Jonas Becker', 'Nordlicht Logistik GmbH, Jonas Becker', false, 14, 'j.becker@nordlicht.example.de', NULL,
         '+49 170 5551234', NULL, 'Hamburg', NULL, 'DE', NULL, 1, 8, true, '2023-06-21 07:42:13', '2024-12-24 09:00:00'),
    (16, '北京华信咨询有限公司', '北京华信咨询有限公司', true, NULL, NULL, '010-6543 2100', NULL, '朝阳区建国路 1 号',
         '北京', '100022', 'CN', '咨询', 1, 6, true, '2024-01-09 10:00:00', '2024-01-09 10:00:00'),
    (17, '赵敏', NULL, false, NULL, 'zhaomin@example.com', NULL, '18600001111', NULL, '上海', NULL, 'CN', NULL, 1, 7, true,
         '2024-03-18 20:31:05', '2025-07-30 21:00:00'),
    (18, 'Sunrise Foods Pte. Ltd.', 'Sunrise Foods Pte. Ltd.', true, NULL, 'procurement@sunrisefoods.example.sg',
         '+65 6123 4567', NULL, '1 Fusionopolis Way', 'Singapore', '138632', 'SG', 'Food & Beverage', 2, 8, true,
         '2024-05-02 03:15:00', '2025-10-10 03:15:00'),
    (19, '成都天府茶业有限公司', '成都天府茶业有限公司', true, NULL, 'tea@tianfu.example.cn', '028-8555 6666', NULL, NULL,
         '成都', '610041', 'CN', '食品', 1, 7, false, '2023-09-09 09:09:09', '2025-02-01 12:00:00'),
    (20, '周杰', NULL, false, NULL, NULL, NULL, '15800002222', NULL, '广州', NULL, 'CN', NULL, 0, NULL, true,
         '2025-08-15 15:45:00', '2025-08-15 15:45:00'),
    (21, 'Ana García', NULL, false, NULL, 'ana.garcia@example.es', '+34 91 123 45 67', NULL, 'Calle Mayor 10', 'Madrid',
         '28013', 'ES', NULL, 1, 8, true, '2025-01-20 11:00:00', '2025-04-04 16:20:00');

INSERT INTO crm_stage (id, name, sequence, is_won) VALUES
    (1, '{"en_US": "New", "zh_CN": "新建"}', 1, false),
    (2, '{"en_US": "Qualified", "zh_CN": "已确认"}', 2, false),
    (3, '{"en_US": "Proposition", "zh_CN": "报价"}', 3, false),
    (4, '{"en_US": "Negotiation", "zh_CN": "谈判"}', 4, false),
    (5, '{"en_US": "Won", "zh_CN": "赢单"}', 70, true);

INSERT INTO crm_lead (id, name, type, partner_id, contact_name, email_from, phone, stage_id, user_id, expected_revenue,
                      probability, active, won_status, lost_reason, create_date, date_deadline, date_closed) VALUES
    (101, '云启 ERP 二期', 'opportunity', 10, '陈晓东', 'chen.xd@yunqi-tech.example.cn', NULL, 4, 6, 480000.00, 70, true,
          'pending', NULL, '2025-03-01 09:30:00', '2026-01-31', NULL),
    (102, '鹏远 MES 集成', 'opportunity', 12, '刘婷', 'liuting@pengyuan.example.cn', '13912345678', 5, 7, 1250000.00, 100,
          true, 'won', NULL, '2024-08-12 10:00:00', '2025-02-28', '2025-02-20 06:00:00+00'),
    (103, 'Nordlicht fleet tracking', 'opportunity', 14, 'Jonas Becker', 'j.becker@nordlicht.example.de', NULL, 3, 8,
          86000.00, 40, true, 'pending', NULL, '2025-06-10 08:00:00', '2025-12-15', NULL),
    (104, '华信 年度咨询框架', 'opportunity', 16, NULL, NULL, '010-6543 2100', 2, 6, 300000.00, 20, false, 'lost',
          '价格过高', '2024-10-01 13:00:00', '2025-01-15', '2025-01-10 09:00:00+08'),
    (105, '赵敏 官网留言', 'lead', NULL, '赵敏', 'zhaomin@example.com', '18600001111', NULL, 7, NULL, 10, true, NULL, NULL,
          '2025-09-02 21:14:00', NULL, NULL),
    (106, 'Sunrise cold chain pilot', 'opportunity', 18, NULL, 'procurement@sunrisefoods.example.sg', NULL, 1, 8, 52000.50,
          10, true, 'pending', NULL, '2025-10-05 02:00:00', NULL, NULL),
    (107, '天府茶业 电商渠道', 'opportunity', 19, NULL, 'tea@tianfu.example.cn', NULL, 3, 7, 75000.00, 0, false, 'lost',
          'No budget', '2024-04-20 10:00:00', '2024-09-30', '2024-09-01 00:00:00+00'),
    (108, '展会名片 周杰', 'lead', NULL, '周杰', NULL, '15800002222', NULL, NULL, NULL, NULL, true, NULL, NULL,
          '2025-08-15 15:45:00', NULL, NULL),
    (109, 'Ana García — web form', 'lead', 21, 'Ana García', 'ana.garcia@example.es', NULL, NULL, 8, 12000.00, 5, true, NULL,
          NULL, '2025-01-20 10:55:00', NULL, NULL),
    (110, '鹏远 备件年框', 'opportunity', 12, '刘婷', 'liuting@pengyuan.example.cn', NULL, 5, 7, 210000.00, 100, true, 'won',
          NULL, '2025-04-01 09:00:00', '2025-06-30', '2025-06-18 03:30:00+00');

INSERT INTO sale_order (id, name, partner_id, user_id, opportunity_id, date_order, amount_untaxed, amount_total, currency,
                        state, team) VALUES
    (1, 'S00001', 12, 7, 102, '2025-02-20 06:10:00', 1106194.69, 1250000.00, 'CNY', 'sale', '华南销售'),
    (2, 'S00002', 12, 7, 110, '2025-06-18 03:45:00', 185840.71, 210000.00, 'CNY', 'done', '华南销售'),
    (3, 'S00003', 10, 6, NULL, '2024-05-06 09:00:00', 44247.79, 50000.00, 'CNY', 'done', '华东销售'),
    (4, 'S00004', 10, 6, NULL, '2025-07-15 14:20:00', 26548.67, 30000.00, 'CNY', 'sale', '华东销售'),
    (5, 'S00005', 14, 8, NULL, '2024-11-02 10:00:00', 15000.00, 17850.00, 'EUR', 'done', 'Europe'),
    (6, 'S00006', 16, 6, NULL, '2024-02-01 08:00:00', 8849.56, 10000.00, 'CNY', 'cancel', '华北销售'),
    (7, 'S00007', 18, 8, NULL, '2025-10-20 01:30:00', 4200.00, 4494.00, 'SGD', 'sent', 'APAC'),
    (8, 'S00008', 17, 7, NULL, '2025-09-10 12:00:00', 1769.91, 2000.00, 'CNY', 'draft', NULL),
    (9, 'S00009', 19, 7, NULL, '2023-12-12 12:12:12', 8849.56, 10000.00, 'CNY', 'done', '西南销售'),
    (10, 'S00010', 21, 8, NULL, '2025-04-04 16:00:00', 990.00, 1197.90, 'EUR', 'sale', 'Europe'),
    (11, 'S00011', 12, 7, NULL, '2025-11-30 23:59:59', 88495.58, 100000.00, 'CNY', 'sale', '华南销售'),
    (12, 'S00012', 11, 6, NULL, '2025-12-01 00:00:00', 0.00, 0.00, 'CNY', 'draft', '华东销售');

COMMIT;
