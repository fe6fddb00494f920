namespace ParIndex.Core.Units;

/// <summary>
/// A unit's validity period (ADR 0126): it exists from <c>from</c> to <c>to</c>, both days included;
/// a missing bound is open. A merge or split effective on day E ends the predecessors on E − 1 and
/// starts the successors on E.
/// </summary>
public static class UnitValidity
{
    /// <summary>Earliest and latest effective dates accepted (a typo such as 0225 is refused).</summary>
    public static readonly DateOnly Earliest = new(1945, 9, 2);

    public static readonly DateOnly Latest = new(2100, 12, 31);

    public static bool IsActiveOn(DateOnly? from, DateOnly? to, DateOnly day) =>
        (from is null || from.Value <= day) && (to is null || day <= to.Value);

    /// <summary>The last day of a unit that a change effective on <paramref name="effective"/> ends.</summary>
    public static DateOnly LastDayBefore(DateOnly effective) => effective.AddDays(-1);

    /// <summary>
    /// Why a change effective on <paramref name="effective"/> cannot apply to a unit valid from
    /// <paramref name="from"/> to <paramref name="to"/>, or null when it can: the unit must exist the
    /// day before and on the day (it cannot end before it began or be changed after it ended).
    /// </summary>
    public static (string Vietnamese, string English)? CannotChange(DateOnly? from, DateOnly? to, DateOnly effective)
    {
        if (effective < Earliest || effective > Latest)
        {
            return ($"Ngày hiệu lực {Vietnamese(effective)} nằm ngoài khoảng {Vietnamese(Earliest)}–{Vietnamese(Latest)}.",
                $"The effective date {English(effective)} is outside {English(Earliest)}–{English(Latest)}.");
        }

        if (from is { } start && effective <= start)
        {
            return ($"đơn vị chỉ tồn tại từ ngày {Vietnamese(start)}, ngày hiệu lực phải sau ngày đó",
                $"the unit exists only from {English(start)}; the effective date must be later");
        }

        if (to is { } end && effective > end)
        {
            return ($"đơn vị đã kết thúc ngày {Vietnamese(end)}", $"the unit ended on {English(end)}");
        }

        return null;
    }

    /// <summary>dd/MM/yyyy, as Vietnamese documents write dates.</summary>
    public static string Vietnamese(DateOnly day) => day.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public static string English(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
