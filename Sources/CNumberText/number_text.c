#include <stdio.h>
#include "number_text.h"

int crm_format_g15(double value, char *buffer, int capacity) {
    return snprintf(buffer, (size_t)capacity, "%.15g", value);
}
