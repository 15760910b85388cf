// strings.cpp — the UI string table. The font coverage test (tests/fonts/check_coverage.py) checks every literal
// here against the desktop's fonts.
#include "core/strings.h"

namespace ex {

namespace {

// In enum order; test_strings.cpp checks the order, the ids and the placeholders.
constexpr StrEntry kTable[] = {
    {Str::kSearchHint, "search.hint", "Search  ( / )", "搜索  ( / )"},
    {Str::kTour, "topbar.tour", "Tour", "导览"},
    {Str::kFit, "topbar.fit", "Fit", "全图"},
    {Str::kDark, "topbar.dark", "Dark", "深色"},
    {Str::kLight, "topbar.light", "Light", "浅色"},
    {Str::kKeys, "topbar.keys", "Keys ?", "快捷键 ?"},
    {Str::kLanguageSwitch, "topbar.language", "中文", "English"},  // names the other language
    {Str::kEdit, "topbar.edit", "Edit", "编辑"},
    {Str::kNoMatch, "search.no_match", "No node matches \"%s\"", "没有与“%s”匹配的卡片"},
    {Str::kFoundCount, "search.found", "%d found", "找到 %d 个"},
    {Str::kShow, "legend.show", "Show", "显示"},
    {Str::kBackTip, "detail.back_tip", "Back (Alt+Left)", "后退 (Alt+Left)"},
    {Str::kForwardTip, "detail.forward_tip", "Forward (Alt+Right)", "前进 (Alt+Right)"},
    {Str::kCloseTip, "detail.close_tip", "Close (Esc)", "关闭 (Esc)"},
    {Str::kFromSource, "detail.from_source", "From the source", "原文出处"},
    {Str::kShowPassage, "detail.show_passage", "Show passage", "显示原文段落"},
    {Str::kHidePassage, "detail.hide_passage", "Hide passage", "隐藏原文段落"},
    {Str::kCopyText, "detail.copy", "Copy text", "复制文本"},
    {Str::kCopied, "detail.copied", "Copied to the clipboard", "已复制到剪贴板"},
    {Str::kPrevious, "tour.previous", "< Previous", "< 上一步"},
    {Str::kNext, "tour.next", "Next >", "下一步 >"},
    {Str::kFinish, "tour.finish", "Finish", "完成"},
    {Str::kEndTour, "tour.end", "End tour", "结束导览"},
    {Str::kClickToJump, "minimap.jump_tip", "Click to jump", "点击跳转"},
    {Str::kLinkRefused, "link.refused", "Not opened: only http and https links leave the page (%s)",
     "未打开：只有 http 和 https 链接可以离开本页（%s）"},
    {Str::kShortcutsTitle, "keys.title", "Keyboard shortcuts", "键盘快捷键"},
    {Str::kKeyTab, "keys.tab", "Tab / Shift+Tab", "Tab / Shift+Tab"},
    {Str::kKeyTabDoes, "keys.tab.does", "next / previous node in reading order", "按阅读顺序转到下一张 / 上一张卡片"},
    {Str::kKeyArrows, "keys.arrows", "Arrow keys", "方向键"},
    {Str::kKeyArrowsDoes, "keys.arrows.does", "move to the nearest node that way (pan when nothing is focused)",
     "移到该方向最近的卡片（没有焦点时平移地图）"},
    {Str::kKeyShiftArrows, "keys.shift_arrows", "Shift+Arrow keys", "Shift+方向键"},
    {Str::kKeyShiftArrowsDoes, "keys.shift_arrows.does", "pan the map", "平移地图"},
    {Str::kKeyEnter, "keys.enter", "Enter", "Enter"},
    {Str::kKeyEnterDoes, "keys.enter.does", "open the focused card; again: unfold or fold its parts",
     "打开有焦点的卡片；再按一次：展开或收起其组成部分"},
    {Str::kKeyEsc, "keys.esc", "Esc", "Esc"},
    {Str::kKeyEscDoes, "keys.esc.does", "close the node, end the tour, clear search", "关闭卡片、结束导览、清除搜索"},
    {Str::kKeyAltArrows, "keys.alt_arrows", "Alt+Left / Alt+Right", "Alt+Left / Alt+Right"},
    {Str::kKeyAltArrowsDoes, "keys.alt_arrows.does", "back / forward", "后退 / 前进"},
    {Str::kKeySlash, "keys.slash", "/", "/"},
    {Str::kKeySlashDoes, "keys.slash.does", "search", "搜索"},
    {Str::kKeyPlusMinus, "keys.plus_minus", "+ / -", "+ / -"},
    {Str::kKeyPlusMinusDoes, "keys.plus_minus.does", "zoom in / out", "放大 / 缩小"},
    {Str::kKeyCtrlWheel, "keys.ctrl_wheel", "Ctrl+wheel, pinch", "Ctrl+滚轮、双指捏合"},
    {Str::kKeyCtrlWheelDoes, "keys.ctrl_wheel.does", "zoom around the pointer", "以指针为中心缩放"},
    {Str::kKeyF, "keys.f", "F", "F"},
    {Str::kKeyFDoes, "keys.f.does", "fit the whole map", "显示整张地图"},
    {Str::kKeyT, "keys.t", "T", "T"},
    {Str::kKeyTDoes, "keys.t.does", "start the tour; Left / Right step it", "开始导览；左 / 右方向键逐步切换"},
    {Str::kKeyCtrlC, "keys.ctrl_c", "Ctrl+C", "Ctrl+C"},
    {Str::kKeyCtrlCDoes, "keys.ctrl_c.does", "copy the open node's text", "复制已打开卡片的文本"},
    {Str::kKeyQuestion, "keys.question", "?", "?"},
    {Str::kKeyQuestionDoes, "keys.question.does", "this list", "显示此列表"},
    {Str::kClose, "keys.close", "Close", "关闭"},
    {Str::kLoadFailedKept, "problems.kept", "That file could not be loaded; the map shown is unchanged.",
     "无法加载该文件；当前显示的地图保持不变。"},
    {Str::kLoadFailed, "problems.failed", "The content could not be loaded.", "无法加载内容。"},
    {Str::kDismiss, "problems.dismiss", "Dismiss", "知道了"},
    {Str::kAndMore, "problems.more", "... and %d more", "……另有 %d 条"},
    {Str::kEdCannot, "edit.cannot", "This content cannot be edited: %s", "无法编辑此内容：%s"},
    {Str::kEdNoSource, "edit.no_source", "no source", "没有源文件"},
    {Str::kEdSaved, "edit.saved", "Saved %s", "已保存 %s"},
    {Str::kEdDownloaded, "edit.downloaded", "Downloaded %s", "已下载 %s"},
    {Str::kEdDownloadFailed, "edit.download_failed", "The download did not start", "下载未能开始"},
    {Str::kEdNoFile, "edit.no_file", "There is no file to save to", "没有可保存到的文件"},
    {Str::kEdSelectHint, "edit.select_hint", "Select a card to edit its text or links; drag cards to move them.",
     "选择一张卡片以编辑其文字或链接；拖动卡片可移动位置。"},
    {Str::kEdSummary, "edit.summary", "Summary", "摘要"},
    {Str::kEdParagraph, "edit.paragraph", "Paragraph %d", "第 %d 段"},
    {Str::kEdAddParagraph, "edit.add_paragraph", "+ paragraph", "+ 段落"},
    {Str::kEdNewParagraph, "edit.new_paragraph", "New paragraph.", "新段落。"},
    {Str::kEdRemoveCard, "edit.remove_card", "Remove card", "删除卡片"},
    {Str::kEdRemoved, "edit.removed", "Removed the card", "已删除卡片"},
    {Str::kEdRemovedMore, "edit.removed_more", "Removed the card and %s link(s) or tour step(s)",
     "已删除卡片及 %s 个链接或导览步骤"},
    {Str::kEdLinks, "edit.links", "Links", "链接"},
    {Str::kEdChooseCard, "edit.choose_card", "card\u2026", "卡片\u2026"},
    {Str::kEdLink, "edit.link", "Link", "连接"},
    {Str::kEdNewCard, "edit.new_card", "New card", "新卡片"},
    {Str::kEdAdd, "edit.add", "Add", "添加"},
    {Str::kEdEditing, "edit.editing", "Editing", "编辑中"},
    {Str::kEdUnsaved, "edit.unsaved", "unsaved changes", "有未保存的更改"},
    {Str::kEdSavedState, "edit.saved_state", "saved", "已保存"},
    {Str::kEdUndo, "edit.undo", "Undo", "撤销"},
    {Str::kEdRedo, "edit.redo", "Redo", "重做"},
    {Str::kEdDownload, "edit.download", "Download", "下载"},
    {Str::kEdSave, "edit.save", "Save", "保存"},
    {Str::kEdDone, "edit.done", "Done", "完成"},
    {Str::kEdReloaded, "edit.reloaded", "%s changed on disk; the editor now shows that version",
     "%s 已在磁盘上更改；编辑器现在显示该版本"},
    {Str::kEdChangedOutside, "edit.changed_outside",
     "%s changed on disk while you have unsaved edits. Save keeps both versions.",
     "您有未保存的更改时，%s 已在磁盘上更改。保存会同时保留两个版本。"},
    {Str::kEdConflict, "edit.conflict", "%s changed on disk, so it was not overwritten. Your version is saved as %s.",
     "%s 已在磁盘上更改，因此没有被覆盖。您的版本已另存为 %s。"},
    {Str::kEdUseFile, "edit.use_file", "Use the file's version", "使用文件中的版本"},
    {Str::kEdUsedFile, "edit.used_file", "Opened the file's version; yours is in %s",
     "已打开文件中的版本；您的版本在 %s"},
    {Str::kEdOverwrite, "edit.overwrite", "Overwrite it with mine", "用我的版本覆盖"},
    {Str::kEdOverwritten, "edit.overwritten", "Saved %s; the version it replaced is in %s",
     "已保存 %s；被替换的版本在 %s"},
    {Str::kEdCitations, "edit.citations", "Citations", "引用"},
    {Str::kEdNeedsCitation, "edit.needs_citation", "No citation yet: pick the source paragraph this card comes from.",
     "尚无引用：请选择这张卡片所依据的原文段落。"},
    {Str::kEdChooseParagraph, "edit.choose_paragraph", "paragraph\u2026", "段落\u2026"},
    {Str::kEdQuoteHint, "edit.quote_hint", "quote (optional, copied exactly)", "引文（可选，须逐字复制）"},
    {Str::kEdCite, "edit.cite", "Cite", "引用"},
    {Str::kEdCategory, "edit.category", "Category", "类别"},
    {Str::kEdLabelHint, "edit.label_hint", "label", "标注"},
    {Str::kEdQuoteFrom, "edit.quote_from", "quote…", "引文…"},
    {Str::kEdSelectToQuote, "edit.select_to_quote",
     "Select the words to quote in the passage:", "在原文中选中要引用的文字："},
    {Str::kEdUseSelection, "edit.use_selection", "Use selection as quote", "用选中的文字作引文"},
    {Str::kEdTags, "edit.tags", "Tags", "标签"},
    {Str::kEdTagHint, "edit.tag_hint", "+ tag", "+ 标签"},
    {Str::kEdCardTab, "edit.card_tab", "Card", "卡片"},
    {Str::kEdToursTab, "edit.tours_tab", "Tours", "导览"},
    {Str::kEdNoTours, "edit.no_tours", "No tours yet.", "还没有导览。"},
    {Str::kEdNewTour, "edit.new_tour", "New tour from the selected card", "从所选卡片新建导览"},
    {Str::kEdNewTourTitle, "edit.new_tour_title", "New tour", "新导览"},
    {Str::kEdTourTitle, "edit.tour_title", "Title", "标题"},
    {Str::kEdSteps, "edit.steps", "Steps", "步骤"},
    {Str::kEdAddStep, "edit.add_step", "+ the selected card as a step", "+ 将所选卡片加为一步"},
    {Str::kEdRemoveTour, "edit.remove_tour", "Remove tour", "删除导览"},
    {Str::kEdPickCardForTour, "edit.pick_card_for_tour", "Select a card on the map to add it to a tour.",
     "在地图上选择一张卡片，把它加入导览。"},
    {Str::kMdSource, "md.source", "Source", "来源"},
    {Str::kMdTags, "md.tags", "Tags", "标签"},
    {Str::kMdCitedFrom, "md.cited_from", "Cited from %s", "引自%s"},
    {Str::kMdParagraph, "md.paragraph", "paragraph %s", "段落 %s"},
    {Str::kMdQuote, "md.quote", "Quote: “%s”", "引文：“%s”"},
    {Str::kMdOther, "md.other", "Other", "其他"},
    {Str::kMdConnections, "md.connections", "How the ideas connect", "观点之间的联系"},
    {Str::kMdTours, "md.tours", "Tours", "导览"},
    {Str::kMdColon, "md.colon", ":", "："},
    {Str::kMdListSeparator, "md.list_separator", ", ", "、"},
    {Str::kMdSentenceEnd, "md.sentence_end", ".", "。"},
    {Str::kMdOpenParen, "md.open_paren", " (", "（"},
    {Str::kMdCloseParen, "md.close_paren", ")", "）"},
    {Str::kParts, "map.parts", "+ %s parts", "+ %s 项"},
    {Str::kOnePart, "map.one_part", "+ 1 part", "+ 1 项"},
    {Str::kFoldGroup, "map.fold", "- fold", "- 收起"},
    {Str::kUnfoldTip, "map.unfold_tip", "Click to show its parts:", "点击展开其组成部分："},
    {Str::kFoldTip, "map.fold_tip", "Click to fold its parts back into it", "点击将组成部分收起"},
    {Str::kUnfoldAll, "map.unfold_all", "Unfold all", "全部展开"},
    {Str::kFoldAll, "map.fold_all", "Fold all", "全部收起"},
    {Str::kLinks, "map.links", "%s links", "%s 条连接"},
    {Str::kLegend, "legend.title", "Legend", "图例"},
    {Str::kLineStyles, "legend.lines", "Lines", "连线"},
    {Str::kShowResults, "search.show_results", "Show list", "展开列表"},
    {Str::kOffTour, "tour.off", "This card is not a step of the tour.", "这张卡片不在导览之中。"},
    {Str::kBackToTour, "tour.back", "Back to the tour", "回到导览"},
    {Str::kHiddenCount, "legend.hidden", "(%s hidden)", "（已隐藏 %s 类）"},
    {Str::kNodeNotFound, "link.not_found", "No card \"%s\" in this article: showing the whole map.",
     "本文没有“%s”这张卡片，显示的是整张地图。"},
    {Str::kShowOnMap, "problems.show_on_map", "Show \"%s\" on the map", "在地图上显示“%s”"},
    {Str::kDocNotOpen, "doc.not_open", "no document is open", "没有打开的文档"},
    {Str::kDocNoNode, "doc.no_node", "no node with id \"%s\"", "没有 id 为“%s”的卡片"},
    {Str::kDocPositionRange, "doc.position_range", "positions must lie within ±%s", "位置必须在 ±%s 以内"},
    {Str::kDocNotUtf8, "doc.text_not_unicode", "the text is not valid UTF-8", "文本不是有效的 UTF-8"},
    {Str::kDocNotLanguageTag, "doc.not_language_tag", "\"%s\" is not a language tag", "“%s”不是语言标签"},
    {Str::kDocNodeFieldNotList, "doc.node_field_not_list", "the node's \"%s\" is not a list", "该卡片的“%s”不是列表"},
    {Str::kDocNoBodyParagraph, "doc.no_body_paragraph", "no body paragraph %s", "没有正文段落 %s"},
    {Str::kDocNoTag, "doc.no_tag", "no tag %s", "没有标签 %s"},
    {Str::kDocNoCategoryForNode, "doc.no_category_for_node", "the document has no category to put the node in",
     "文档中没有可放入卡片的类别"},
    {Str::kDocNoCategory, "doc.no_category", "no category with id \"%s\"", "没有 id 为“%s”的类别"},
    {Str::kDocNotList, "doc.not_list", "\"%s\" is not a list", "“%s”不是列表"},
    {Str::kDocSameNodes, "doc.same_nodes", "an edge needs two different nodes", "连接需要两张不同的卡片"},
    {Str::kDocNoEdgeKind, "doc.no_edge_kind", "no edge kind \"%s\"", "没有“%s”这种连接类型"},
    {Str::kDocLabelNotUtf8, "doc.label_not_unicode", "the label is not valid UTF-8", "标注不是有效的 UTF-8"},
    {Str::kDocNoEdge, "doc.no_edge", "no edge %s", "没有连接 %s"},
    {Str::kDocNoSourceParagraph, "doc.no_source_paragraph", "no source paragraph with id \"%s\"",
     "没有 id 为“%s”的原文段落"},
    {Str::kDocNoCitation, "doc.no_citation", "no citation %s", "没有引用 %s"},
    {Str::kDocNoTour, "doc.no_tour", "no tour %s", "没有导览 %s"},
    {Str::kDocStepsNotList, "doc.steps_not_list", "the tour's \"steps\" is not a list", "该导览的“steps”不是列表"},
    {Str::kDocNoStep, "doc.no_step", "no step %s", "没有第 %s 步"},
    {Str::kDocLastStep, "doc.last_step", "a tour needs at least one step: remove the tour instead",
     "导览至少需要一步：请改为删除整个导览"},
    {Str::kDocNothingToUndo, "doc.nothing_to_undo", "nothing to undo", "没有可撤销的操作"},
    {Str::kDocNothingToRedo, "doc.nothing_to_redo", "nothing to redo", "没有可重做的操作"},
    {Str::kDocConflictCopyFailed, "doc.conflict_copy_failed",
     "cannot save: %s changed on disk, and writing your version to %s failed",
     "无法保存：%s 已在磁盘上更改，且未能把您的版本写入 %s"},
    {Str::kDocChangedOnDisk, "doc.changed_on_disk",
     "%s changed on disk since the editor read it; it was not overwritten, and your version is saved as %s",
     "%s 在编辑器读取之后已在磁盘上更改；它没有被覆盖，您的版本已另存为 %s"},
    {Str::kDocUncheckable, "doc.uncheckable",
     "%s cannot be read to check that nobody changed it; it was not overwritten, and your version is saved as %s",
     "无法读取 %s 以确认没有人更改过它；它没有被覆盖，您的版本已另存为 %s"},
    {Str::kDocCannotWrite, "doc.cannot_write", "cannot write %s", "无法写入 %s"},
    {Str::kDocCannotWriteBackup, "doc.cannot_write_backup", "cannot write the backup %s", "无法写入备份 %s"},
    {Str::kDocCannotReplace, "doc.cannot_replace", "cannot replace %s: %s", "无法替换 %s：%s"},
};
static_assert(sizeof(kTable) / sizeof(kTable[0]) == kStrCount, "one table row per Str key");

}  // namespace

bool is_chinese(const std::string& lang) {
    // Every zh-* tag gets Simplified Chinese, zh-Hant too: readable to its readers, unlike the English fallback.
    return lang == "zh" || lang.compare(0, 3, "zh-") == 0;
}

const char* tr(const std::string& lang, Str key) {
    const int i = (int)key;
    if (i < 0 || i >= (int)kStrCount) return "";
    return is_chinese(lang) ? kTable[i].zh : kTable[i].en;
}

std::string fill(const char* fmt, const std::string& arg) {
    std::string s = fmt;
    const size_t at = s.find("%s");
    return at == std::string::npos ? s : s.replace(at, 2, arg);
}

std::string fill(const char* fmt, const std::vector<std::string>& args) {
    std::string out;
    size_t next = 0;
    for (const char* p = fmt; *p; ++p) {
        if (p[0] == '%' && p[1] == 's' && next < args.size()) {
            out += args[next++];
            ++p;
        } else out += *p;
    }
    return out;
}

const StrEntry* str_table() { return kTable; }

}  // namespace ex
