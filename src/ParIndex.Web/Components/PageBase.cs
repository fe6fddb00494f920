using Microsoft.AspNetCore.Components;
using ParIndex.Web.Accounts;
using ParIndex.Web.Localization;

namespace ParIndex.Web.Components;

/// <summary>Base of the pages: the request, the signed-in user and the UI strings in the chosen language.</summary>
public abstract class PageBase : ComponentBase
{
    [CascadingParameter]
    public HttpContext? HttpContext { get; set; }

    protected Texts T => Texts.For(HttpContext);

    /// <summary>The Vietnamese or the English wording, for text used on one page only (shared words are keys in <see cref="Texts"/>).</summary>
    protected string L(string vi, string en) => T.IsEnglish ? en : vi;

    /// <summary>
    /// <c>lang</c> of an element holding Vietnamese data (unit names, criteria titles, explanations):
    /// "vi" when the page is in English, none otherwise (the page is Vietnamese already). WCAG 3.1.2, ADR 0137.
    /// </summary>
    protected string? DataLang => T.DataLang;

    protected CurrentUser Me => CurrentUser.From(HttpContext!.User);

    protected static string Pts(decimal value) => ParIndex.Core.Numbers.VietnameseNumbers.FormatPoints(value);

    /// <summary>A count with Vietnamese thousands dots (1.234).</summary>
    protected static string N(long value) => ParIndex.Core.Numbers.VietnameseNumbers.FormatPoints(value);

    protected static string Pct(decimal? value) => value is { } v ? ParIndex.Core.Numbers.VietnameseNumbers.FormatPercent(v) : "–";

    /// <summary>Shows a date in Vietnam time (UTC+7), as users read deadlines.</summary>
    protected static string VnTime(DateTime? utc) =>
        utc is { } v ? v.AddHours(7).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "–";
}
