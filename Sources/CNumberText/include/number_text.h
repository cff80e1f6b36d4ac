#ifndef CRM_NUMBER_TEXT_H
#define CRM_NUMBER_TEXT_H

/// `%.15g` of `value` into `buffer` (NUL-terminated); returns what snprintf returns. A plain C
/// entry point so Swift need not build a va_list for every number a report writes.
int crm_format_g15(double value, char *buffer, int capacity);

#endif
