// Debian's libxml2 is built with ICU, and its encoding header then includes the system ICU
// headers, which clash with the ICU copy Foundation bundles (duplicate UErrorCode definitions)
// in any module that sees both. planq never touches libxml2's ICU converters, so the ICU part
// of the headers is left out. (It only changes xmlCharEncodingHandler's tail, which planq
// never allocates or reads.)
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/tree.h>
#include <libxml/HTMLtree.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>

// xmlFree is a global function-pointer variable, which Swift 6 treats as shared mutable
// state; this wrapper calls it without exposing the variable.
static inline void planq_xml_free(void *pointer) { xmlFree(pointer); }
