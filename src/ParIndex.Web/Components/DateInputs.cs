using System.Globalization;

namespace ParIndex.Web.Components;

/// <summary>Values of date inputs: deadlines are stored in UTC and typed in Vietnam time (UTC+7).</summary>
public static class DateInputs
{
    /// <summary>The value of a <c>datetime-local</c> input showing <paramref name="utc"/> in Vietnam time, or null (empty input).</summary>
    public static string? VietnamLocal(DateTime? utc) => utc?.AddHours(7).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
