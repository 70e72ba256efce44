#include <libxml/tree.h>
#include <libxml/HTMLtree.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>

// xmlFree is a global function-pointer variable, which Swift 6 treats as shared mutable
// state; this wrapper calls it without exposing the variable.
static inline void planq_xml_free(void *pointer) { xmlFree(pointer); }
