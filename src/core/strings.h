// strings.h — every string the app itself draws (not content text), in English and Simplified Chinese.
//
// Keys are an enum so that a typo is a compile error; each also has a stable text id ("search.hint") for tests
// and tools. Strings with printf placeholders keep the same placeholders, in the same order, in both languages.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace ex {

// The keys stay grouped by where they show, a group to a line.
// clang-format off
enum class Str : int {
    // Top bar
    kSearchHint, kTour, kFit, kDark, kLight, kKeys, kLanguageSwitch, kEdit,
    // Search results
    kNoMatch, kFoundCount,
    // Legend
    kShow,
    // Detail panel
    kBackTip, kForwardTip, kCloseTip, kFromSource, kShowPassage, kHidePassage, kCopyText, kCopied,
    // Tour card
    kPrevious, kNext, kFinish, kEndTour,
    // Minimap
    kClickToJump,
    // Links in the text that are not http(s): "%s" is the link
    kLinkRefused,
    // Keyboard help: the title, 13 rows (keys, what they do), the close button
    kShortcutsTitle,
    kKeyTab, kKeyTabDoes, kKeyArrows, kKeyArrowsDoes, kKeyShiftArrows, kKeyShiftArrowsDoes, kKeyEnter, kKeyEnterDoes,
    kKeyEsc, kKeyEscDoes, kKeyAltArrows, kKeyAltArrowsDoes, kKeySlash, kKeySlashDoes, kKeyPlusMinus,
    kKeyPlusMinusDoes, kKeyCtrlWheel, kKeyCtrlWheelDoes, kKeyF, kKeyFDoes, kKeyT, kKeyTDoes, kKeyCtrlC,
    kKeyCtrlCDoes, kKeyQuestion, kKeyQuestionDoes,
    kClose,
    // Problems panel
    kLoadFailedKept, kLoadFailed, kDismiss, kAndMore,
    // Edit mode (ui/editor.cpp)
    kEdCannot, kEdNoSource, kEdSaved, kEdDownloaded, kEdDownloadFailed, kEdNoFile, kEdSelectHint, kEdSummary,
    kEdParagraph, kEdAddParagraph, kEdNewParagraph, kEdRemoveCard, kEdRemoved, kEdRemovedMore, kEdLinks,
    kEdChooseCard, kEdLink, kEdNewCard, kEdAdd, kEdEditing, kEdUnsaved, kEdSavedState, kEdUndo, kEdRedo,
    kEdDownload, kEdSave, kEdDone,
    // Edit mode: the file changed on disk (never overwrite someone's work), citations, category, link labels
    kEdReloaded, kEdChangedOutside, kEdConflict, kEdUseFile, kEdUsedFile, kEdOverwrite, kEdOverwritten,
    kEdCitations, kEdNeedsCitation, kEdChooseParagraph, kEdQuoteHint, kEdCite, kEdCategory, kEdLabelHint,
    // Edit mode: quotes picked in the passage, tags, tours
    kEdQuoteFrom, kEdSelectToQuote, kEdUseSelection, kEdTags, kEdTagHint, kEdCardTab, kEdToursTab, kEdNoTours,
    kEdNewTour, kEdNewTourTitle, kEdTourTitle, kEdSteps, kEdAddStep, kEdRemoveTour, kEdPickCardForTour,
    // Markdown export
    kMdSource, kMdTags, kMdCitedFrom, kMdParagraph, kMdQuote, kMdOther, kMdConnections, kMdTours, kMdColon,
    kMdListSeparator, kMdSentenceEnd, kMdOpenParen, kMdCloseParen,
    // Map: folding, merged links, the legend's key
    kParts, kOnePart, kFoldGroup, kUnfoldTip, kFoldTip, kUnfoldAll, kFoldAll, kLinks, kLegend, kLineStyles,
    // Reading: folded search results, a tour left for another card, hidden categories, an unknown deep link
    kShowResults, kOffTour, kBackToTour, kHiddenCount, kNodeNotFound,
    // Problems: a problem's card, shown on the map when clicked
    kShowOnMap,
    // Why an edit was refused (core/content_doc.h)
    kDocNotOpen, kDocNoNode, kDocPositionRange, kDocNotUtf8, kDocNotLanguageTag, kDocNodeFieldNotList,
    kDocNoBodyParagraph, kDocNoTag, kDocNoCategoryForNode, kDocNoCategory, kDocNotList, kDocSameNodes,
    kDocNoEdgeKind, kDocLabelNotUtf8, kDocNoEdge, kDocNoSourceParagraph, kDocNoCitation, kDocNoTour,
    kDocStepsNotList, kDocNoStep, kDocLastStep, kDocNothingToUndo, kDocNothingToRedo,
    // Why a save was refused
    kDocConflictCopyFailed, kDocChangedOnDisk, kDocUncheckable, kDocCannotWrite, kDocCannotWriteBackup,
    kDocCannotReplace,
    kCount
};
// clang-format on

struct StrEntry {
    Str key;
    const char* id;  // stable: "search.hint"
    const char* en;
    const char* zh;  // Simplified Chinese
};

// The string for `key` in `lang`: "zh", "zh-CN", "zh-Hans"... give Chinese; anything else (or an unknown key)
// gives English; an out-of-range key gives "". Never null.
const char* tr(const std::string& lang, Str key);

// `fmt` (a table string) with its one "%s" replaced by `arg`; no length limit, unlike a printf buffer.
std::string fill(const char* fmt, const std::string& arg);
// The same with each "%s" in turn replaced by the next of `args` (a "%s" inside an argument stays as it is).
std::string fill(const char* fmt, const std::vector<std::string>& args);

// True when `lang` selects the Chinese column of the table.
bool is_chinese(const std::string& lang);

// The whole table, in enum order (for tests and tools).
const StrEntry* str_table();
constexpr size_t kStrCount = (size_t)Str::kCount;

}  // namespace ex
