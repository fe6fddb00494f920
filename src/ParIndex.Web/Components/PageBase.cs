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

    protected CurrentUser Me => CurrentUser.From(HttpContext!.User);

    protected static string Pts(decimal value) => ParIndex.Core.Numbers.VietnameseNumbers.FormatPoints(value);

    /// <summary>A count with Vietnamese thousands dots (1.234).</summary>
    protected static string N(long value) => ParIndex.Core.Numbers.VietnameseNumbers.FormatPoints(value);

    protected static string Pct(decimal? value) => value is { } v ? ParIndex.Core.Numbers.VietnameseNumbers.FormatPercent(v) : "–";

    /// <summary>Shows a date in Vietnam time (UTC+7), as users read deadlines.</summary>
    protected static string VnTime(DateTime? utc) =>
        utc is { } v ? v.AddHours(7).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "–";
}
