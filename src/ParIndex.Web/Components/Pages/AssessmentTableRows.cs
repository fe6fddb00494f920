using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;
using ParIndex.Application.Assessments;
using ParIndex.Web.Localization;

namespace ParIndex.Web.Components.Pages;

/// <summary>
/// The rows of the self-assessment table as HTML, one string per row (ADR 0141). The page was a
/// Blazor component per leaf and some 150 render frames and 700 text chunks per row: at 101 leaves
/// that was most of the page's CPU and allocations (issue 15). The markup is the one LeafEditor.razor
/// wrote, element for element; every value goes through the app's <see cref="HtmlEncoder"/>, as
/// Blazor's own rendering does. The criterion's own cells come from <see cref="CriterionCellsCache"/>.
/// </summary>
public sealed class AssessmentTableRows
{
    private readonly AssessmentView view;
    private readonly Texts t;
    private readonly IReadOnlyList<EvidenceView> documents;
    private readonly HtmlEncoder encoder;
    private readonly CriterionCellsCache cells;
    private readonly int maxDecimals;
    private readonly int pointDecimals;
    private readonly string lang;
    private readonly StringBuilder html = new(4096);

    public AssessmentTableRows(AssessmentView view, Texts t, IReadOnlyList<EvidenceView> documents, HtmlEncoder encoder,
        CriterionCellsCache cells, int maxDecimals, int pointDecimals)
    {
        ArgumentNullException.ThrowIfNull(t);
        this.view = view;
        this.t = t;
        this.documents = documents;
        this.encoder = encoder;
        this.cells = cells;
        this.maxDecimals = maxDecimals;
        this.pointDecimals = pointDecimals;
        lang = t.DataLang is { } l ? $" lang=\"{l}\"" : "";
    }

    /// <summary>Every node's row in official order.</summary>
    public IEnumerable<MarkupString> All()
    {
        string field = "", group = "";
        foreach (var node in view.Nodes)
        {
            if (node.Level == 1)
            {
                field = node.Code;
                group = node.Code;
            }
            else if (node.Level == 2)
            {
                group = node.Code;
            }

            yield return Row(node, field, group);
        }
    }

    private MarkupString Row(NodeView node, string field, string group)
    {
        html.Clear();
        var leaf = node.Leaf;
        var criterion = cells.Get(node, t, maxDecimals, encoder);
        html.Append("<tr class=\"node level-").Append(node.Level).Append(node.IsLeaf ? " leaf-row" : " group-row").Append('"');
        Attr("id", "n-" + node.Code);
        Attr("data-node", node.Code);
        Attr("data-in-field", field);
        Attr("data-group", group);
        // Code, title and guidance come encoded with the cells; only the explanation is encoded here.
        html.Append(" data-search=\"").Append(criterion.Search);
        Text(leaf?.Explanation);
        html.Append('"');
        if (leaf is { Done: false } && !node.IsSurvey)
        {
            html.Append(" data-todo=\"1\"");
        }

        if (leaf is { NeedsJustification: true })
        {
            html.Append(" data-flagged=\"1\"");
        }

        if (leaf is { AssignedToMe: true })
        {
            html.Append(" data-mine=\"1\"");
        }

        if (leaf is { AppraisalChanged: true })
        {
            html.Append(" data-changed=\"1\"");
        }

        html.Append('>').Append(criterion.Cells);
        html.Append("<td class=\"num\"");
        Attr("data-label", t["SelfScore"]);
        html.Append("><span class=\"node-points\"");
        var unscored = leaf is { Points: null, NotApplicable: false };
        if (!unscored)
        {
            Attr("data-points", Invariant(node.Points));
        }

        html.Append('>');
        Text(unscored ? "–" : Core.Numbers.ColumnDecimals.Format(node.Points, pointDecimals));
        html.Append("</span></td><td class=\"leaf-cell\">");
        if (leaf is not null)
        {
            Leaf(leaf);
        }

        html.Append("</td></tr>\n");
        return new MarkupString(html.ToString());
    }

    /// <summary>
    /// One leaf: inputs where the user may edit it, plain text where not (ADR 0128: a read-only
    /// assessment is read, not a wall of disabled inputs). Every input has a label (axe "label").
    /// </summary>
    private void Leaf(LeafView leaf)
    {
        var survey = leaf.Method == "survey";
        html.Append("<div class=\"leaf ").Append(leaf.NeedsJustification ? "flagged" : "").Append(' ').Append(leaf.Done ? "done" : "todo").Append('"');
        Attr("data-code", leaf.Code);
        Attr("data-version", leaf.Version.ToString(CultureInfo.InvariantCulture));
        Attr("data-method", leaf.Method);
        html.Append('>');
        if (!survey && leaf.CanEdit)
        {
            Inputs(leaf);
        }
        else if (!survey)
        {
            Values(leaf);
        }

        html.Append("<div class=\"memo\">");
        if (!string.IsNullOrEmpty(leaf.Memo))
        {
            html.Append("<span class=\"memo-label\">");
            Text(t["Memo"]);
            html.Append(": </span><span").Append(lang).Append('>');
            Text(leaf.Memo);
            html.Append("</span>");
        }

        html.Append("</div>\n<div class=\"error\" role=\"alert\">");
        Text(leaf.Error);
        html.Append("</div>");
        if (!survey && leaf.CanEdit)
        {
            html.Append("<label class=\"explanation-label\">");
            Text(t["Explanation"]);
            html.Append("\n<textarea name=\"explanation\" rows=\"2\" maxlength=\"20000\"").Append(lang).Append('>');
            Text(leaf.Explanation);
            html.Append("</textarea></label>");
        }
        else if (!survey)
        {
            if (!string.IsNullOrEmpty(leaf.Explanation))
            {
                html.Append("<div class=\"explanation\"><span class=\"memo-label\">");
                Text(t["Explanation"]);
                html.Append(": </span><span").Append(lang).Append('>');
                Text(leaf.Explanation);
                html.Append("</span></div>");
            }
        }
        else
        {
            SurveyValues(leaf);
        }

        html.Append("<div class=\"flag\"").Append(leaf.NeedsJustification ? "" : " hidden").Append(">⚠ ");
        Text(t["NeedsJustification"]);
        html.Append("</div>\n<div class=\"save-state\" aria-live=\"polite\"></div>");
        if (!survey && (leaf.CanEdit || leaf.Evidence.Count > 0))
        {
            Evidence(leaf);
        }

        html.Append("<a class=\"history-link\"");
        Attr("href", $"/assessments/{view.Id}/history?leaf={leaf.Code}");
        Attr("aria-label", $"{t["History"]} {leaf.Code}");
        html.Append('>');
        Text(t["History"]);
        html.Append("</a></div>");
    }

    private void Inputs(LeafView leaf)
    {
        html.Append("<div class=\"inputs\">");
        switch (leaf.Method)
        {
            case "manual":
            case "bonus-penalty":
                html.Append("<label>");
                Text(t["Score"]);
                html.Append(" <input class=\"score\" name=\"score\" inputmode=\"decimal\" maxlength=\"20\"");
                Attr("value", leaf.Score is { } s ? InputText(s) : "");
                html.Append(" /></label>\n<output class=\"field-check\" data-for=\"score\" aria-live=\"polite\"></output>");
                break;
            case "levels":
                html.Append("<label>");
                Text(t["Level"]);
                html.Append("\n<select name=\"level\"><option value=\"\">–</option>");
                foreach (var level in leaf.Levels)
                {
                    html.Append("<option");
                    Attr("value", level.Key);
                    html.Append(level.Key == leaf.Level ? " selected" : "").Append(lang).Append('>');
                    Text(level.Label);
                    html.Append(" (");
                    Text(Core.Numbers.VietnameseNumbers.FormatPoints(level.Points));
                    html.Append(")</option>");
                }

                html.Append("</select></label>");
                break;
            default:
                foreach (var input in leaf.Inputs)
                {
                    html.Append("<label").Append(lang).Append('>');
                    Text(input.Label);
                    html.Append(" <input class=\"figure\"");
                    Attr("name", "fig:" + input.Name);
                    Attr("data-figure", input.Name);
                    Attr("data-kind", input.Kind);
                    html.Append(" maxlength=\"30\" inputmode=\"").Append(input.Kind is "count" ? "numeric" : "decimal").Append('"');
                    Attr("value", leaf.Figures.TryGetValue(input.Name, out var f) ? FigureText(f, input.Kind) : "");
                    html.Append(" /></label>\n<output class=\"field-check\"");
                    Attr("data-for", input.Name);
                    html.Append(" aria-live=\"polite\"></output>");
                }

                break;
        }

        html.Append("<label class=\"na\"><input type=\"checkbox\" name=\"notApplicable\"").Append(leaf.NotApplicable ? " checked" : "").Append(" /> ");
        Text(t["NotApplicable"]);
        html.Append("</label></div>");
    }

    private void Values(LeafView leaf)
    {
        html.Append("<dl class=\"values\">");
        if (leaf.NotApplicable)
        {
            html.Append("<dt>");
            Text(t["NotApplicable"]);
            html.Append("</dt><dd>✓</dd>");
        }

        switch (leaf.Method)
        {
            case "manual":
            case "bonus-penalty":
                html.Append("<dt>");
                Text(t["Score"]);
                html.Append("</dt><dd class=\"value-score\">");
                Text(leaf.Score is { } s ? Core.Numbers.VietnameseNumbers.FormatPoints(s) : "–");
                html.Append("</dd>");
                break;
            case "levels":
                html.Append("<dt>");
                Text(t["Level"]);
                html.Append("</dt><dd").Append(lang).Append('>');
                Text(leaf.Levels.FirstOrDefault(l => l.Key == leaf.Level)?.Label ?? "–");
                html.Append("</dd>");
                break;
            default:
                foreach (var input in leaf.Inputs)
                {
                    html.Append("<dt").Append(lang).Append('>');
                    Text(input.Label);
                    html.Append("</dt><dd>");
                    Text(leaf.Figures.TryGetValue(input.Name, out var f) ? Core.Numbers.VietnameseNumbers.FormatPoints(f) : "–");
                    html.Append("</dd>");
                }

                break;
        }

        html.Append("</dl>");
    }

    private void SurveyValues(LeafView leaf)
    {
        if (leaf.SurveyScore is { } surveyScore)
        {
            html.Append("<div class=\"survey-score\">");
            Text(t["SurveyScore"]);
            html.Append(": <strong>");
            Text(Core.Numbers.VietnameseNumbers.FormatPoints(surveyScore));
            html.Append("</strong></div>");
        }

        if (!string.IsNullOrEmpty(leaf.SurveyMemo))
        {
            html.Append("<div class=\"survey-memo memo\"").Append(lang).Append('>');
            Text(leaf.SurveyMemo);
            html.Append("</div>");
        }

        if (!string.IsNullOrEmpty(leaf.Explanation))
        {
            html.Append("<div class=\"explanation\"").Append(lang).Append('>');
            Text(leaf.Explanation);
            html.Append("</div>");
        }
    }

    private void Evidence(LeafView leaf)
    {
        html.Append("<details class=\"evidence\"").Append(leaf.Evidence.Count > 0 && leaf.CanEdit ? " open" : "").Append("><summary>");
        Text(t["Evidence"]);
        html.Append(" (<span class=\"evidence-count\">").Append(leaf.Evidence.Count).Append("</span>)</summary>\n<ul class=\"evidence-list\">");
        foreach (var e in leaf.Evidence)
        {
            html.Append("<li");
            Attr("data-evidence", e.Id.ToString());
            html.Append("><a");
            Attr("href", $"/api/assessments/{view.Id}/evidence/{e.Id}");
            html.Append(lang).Append('>');
            Text(e.FileName);
            html.Append("</a>\n<span class=\"evidence-meta\">");
            Text(EvidenceMeta(e));
            html.Append("</span>");
            if (leaf.CanEdit)
            {
                html.Append("<button type=\"button\" class=\"link delete-evidence\"");
                Attr("aria-label", $"{t["Delete"]} {e.FileName}");
                html.Append(lang).Append('>');
                Text(t["Delete"]);
                html.Append("</button>");
            }

            html.Append("</li>");
        }

        html.Append("</ul>");
        if (leaf.CanEdit)
        {
            html.Append(cells.UploadForm(t, encoder));
            var reusable = documents.Where(d => leaf.Evidence.All(e => e.Id != d.Id)).ToList();
            if (reusable.Count > 0)
            {
                html.Append("<div class=\"evidence-reuse\"><label>");
                Text(t.L("Dùng lại tài liệu đã tải lên", "Use an uploaded document again"));
                html.Append("\n<select name=\"reuseEvidence\"><option value=\"\">–</option>");
                foreach (var d in reusable)
                {
                    html.Append("<option");
                    Attr("value", d.Id.ToString());
                    html.Append(lang).Append('>');
                    Text(d.FileName + (d.DocumentNumber is null ? "" : " · " + d.DocumentNumber) + " (" + string.Join(", ", d.LeafCodes) + ")");
                    html.Append("</option>");
                }

                html.Append("</select></label>\n<button type=\"button\" class=\"reuse-evidence\">");
                Text(t.L("Gắn vào tiêu chí này", "Attach"));
                html.Append("</button></div>");
            }
        }

        html.Append("</details>");
    }

    private void Attr(string name, string value)
    {
        html.Append(' ').Append(name).Append("=\"");
        Text(value);
        html.Append('"');
    }

    private void Text(string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            html.Append(encoder.Encode(value));
        }
    }

    // Without trailing zeros: PostgreSQL's numeric keeps the column's scale (9.5000000000), SQLite does not (9.5).
    private static string Invariant(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>Number, date of issue and uploader, as shown right after an upload too (assessment-navigator.js).</summary>
    private static string EvidenceMeta(EvidenceView e) =>
        (e.DocumentNumber is null ? "" : " · " + e.DocumentNumber)
        + (e.DocumentDate is { } d ? " · " + d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "")
        + " · " + e.UploadedBy;

    /// <summary>
    /// A score as the user types it back: decimal comma and no thousands separator, because a
    /// single dot in a score is read back as a decimal mark.
    /// </summary>
    private static string InputText(decimal value) => value.ToString("0.############", Core.Numbers.VietnameseNumbers.Culture);

    /// <summary>A figure as its kind reads it back (ADR 0007): a count as <c>14.922</c>, a decimal never ambiguously.</summary>
    private static string FigureText(decimal value, string kind) =>
        Core.Numbers.FigureNumbers.InputText(value, Core.Numbers.FigureKinds.TryParse(kind, out var k) ? k : Core.Numbers.FigureKind.Decimal);
}

/// <summary>
/// The cells of a criterion that depend on the framework only (code, title with the survey hint and
/// the guidance, maximum) and the start of its search text, encoded once per content and language
/// (ADR 0141). The key is the content itself, not a framework id: a draft edited after a page was
/// rendered, another version or the other language is another key, so an entry can never be served
/// for anything but the text it was made from. Bounded: emptied when it passes
/// <see cref="MaxEntries"/> (a framework has ≈ 150 nodes; only edited drafts add more).
/// </summary>
public sealed class CriterionCellsCache
{
    public const int MaxEntries = 20_000;

    private readonly ConcurrentDictionary<Key, Criterion> entries = new();
    private readonly ConcurrentDictionary<(bool English, HtmlEncoder Encoder), string> uploadForms = new();

    public int Count => entries.Count;

    /// <summary>The cells (<c>td</c> of code, title, maximum) and the encoded search prefix of a node.</summary>
    public Criterion Get(NodeView node, Texts t, int maxDecimals, HtmlEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(encoder);
        var key = new Key(node.Code, node.Title, node.Guidance, node.IsSurvey, node.IsLeaf, node.Max, maxDecimals, t.Language, encoder);
        if (entries.TryGetValue(key, out var found))
        {
            return found;
        }

        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }

        return entries.GetOrAdd(key, Render(node, t, maxDecimals, encoder));
    }

    /// <summary>The form that uploads a document to a leaf: the same on every editable leaf of a language.</summary>
    public string UploadForm(Texts t, HtmlEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(t);
        return uploadForms.GetOrAdd((t.IsEnglish, encoder), _ =>
            "<div class=\"evidence-form\"><label>" + encoder.Encode(t.L("Tệp", "File"))
            + " <input type=\"file\" name=\"file\" accept=\".pdf,.png,.jpg,.jpeg,.docx,.xlsx\" /></label>\n<label>"
            + encoder.Encode(t["DocumentNumber"]) + " <input type=\"text\" name=\"documentNumber\" maxlength=\"100\" /></label>\n<label>"
            + encoder.Encode(t["DocumentDate"]) + " <input type=\"date\" name=\"documentDate\" /></label>\n<button type=\"button\" class=\"upload-evidence\">"
            + encoder.Encode(t["Upload"]) + "</button></div>");
    }

    private static Criterion Render(NodeView node, Texts t, int maxDecimals, HtmlEncoder encoder)
    {
        var lang = t.DataLang is { } l ? $" lang=\"{l}\"" : "";
        var html = new StringBuilder(256 + node.Title.Length + (node.Guidance?.Length ?? 0));
        html.Append("<td class=\"code\">").Append(encoder.Encode(node.Code)).Append("</td>\n<td class=\"title\"").Append(lang).Append('>')
            .Append(encoder.Encode(node.Title));
        if (node.IsSurvey)
        {
            html.Append("<div class=\"hint\">").Append(encoder.Encode(t["Survey"])).Append("</div>");
        }

        if (node.IsLeaf && !string.IsNullOrWhiteSpace(node.Guidance))
        {
            html.Append("<div class=\"guidance\"><strong>").Append(encoder.Encode(t.L("Hướng dẫn chấm điểm, tài liệu kiểm chứng", "Scoring guidance and expected evidence")))
                .Append(":</strong> ").Append(encoder.Encode(node.Guidance)).Append("</div>");
        }

        html.Append("</td>\n<td class=\"num\" data-label=\"").Append(encoder.Encode(t["Max"])).Append("\">")
            .Append(encoder.Encode(Core.Numbers.ColumnDecimals.Format(node.Max, maxDecimals))).Append("</td>\n");
        // The search text is code, title, guidance and the leaf's explanation; the last is the page's to add.
        var search = encoder.Encode(node.Code + " " + node.Title + " " + node.Guidance + " ");
        return new Criterion(html.ToString(), search);
    }

    /// <summary>Encoded HTML: the three cells, and the search attribute's value up to the explanation.</summary>
    public sealed record Criterion(string Cells, string Search);

    private sealed record Key(string Code, string Title, string? Guidance, bool IsSurvey, bool IsLeaf, decimal Max, int MaxDecimals, string Language, HtmlEncoder Encoder);
}
