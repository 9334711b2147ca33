#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, so <libxml/encoding.h> includes the system's <unicode/ucnv.h>. Swift's
// Foundation carries its own ICU (module _FoundationICU) whose enums differ, and a Swift file importing both
// fails ("'U_MF_SYNTAX_ERROR' ... is not present in definition of 'enum UErrorCode'"). feedgen never touches
// the ICU members of xmlCharEncodingHandler, so hide them.
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlwriter.h>
#include <libxml/xmlsave.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xmlerror.h>
