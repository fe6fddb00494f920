using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Data;
using ParIndex.Web.Tests.Infrastructure;
using ParIndex.Web.Tests.Problems;

namespace ParIndex.Web.Tests.Architecture;

/// <summary>
/// Blazor SSR initialises the components of one render batch at the same time: a page and the
/// components inside it or beside it in the layout. A component that queries through the request's
/// DbContext while another does gave "a second operation was started on this context" (a 500 on
/// PostgreSQL, intermittent). Only a page may use the request's context; every component rendered
/// inside another (not routable, or routable but used as a tag in a .razor file) must take its own
/// scope (<c>IServiceScopeFactory</c>, as the notification bell) or get its data as a parameter.
/// </summary>
public sealed partial class ComponentDbContextTests(SqliteAppFixture app) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public void No_component_rendered_inside_another_shares_the_requests_DbContext()
    {
        var components = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && !t.IsAbstract && t.Namespace?.StartsWith("ParIndex.Web", StringComparison.Ordinal) == true)
            .ToList();
        var tags = UsedTags();
        var nested = components.Where(t => !t.GetCustomAttributes<RouteAttribute>().Any() || tags.Contains(t.Name)).ToList();
        // The rule must see the components it is about: a scan that found none would pass for nothing.
        Assert.Contains(nested, t => t.Name == "PredecessorResults");
        Assert.Contains(nested, t => t.Name == "NotificationBell");

        using var scope = app.Services.CreateScope();
        var requestContext = scope.ServiceProvider.GetRequiredService<ParIndexDbContext>();
        var offenders = new List<string>();
        foreach (var component in nested)
        {
            for (var type = component; type is not null && type != typeof(ComponentBase); type = type.BaseType)
            {
                foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                             .Where(p => p.GetCustomAttribute<InjectAttribute>() is not null))
                {
                    var service = scope.ServiceProvider.GetService(property.PropertyType);
                    if (service is not null && Reaches(service, requestContext, depth: 4, []))
                    {
                        offenders.Add($"{component.Name} injects {property.PropertyType.Name}, which holds the request's DbContext");
                    }
                }
            }
        }

        Assert.True(offenders.Count == 0, "Components rendered inside a page or the layout must take their own scope (IServiceScopeFactory) or get their data as a parameter:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void The_check_finds_a_service_that_holds_the_requests_DbContext()
    {
        using var scope = app.Services.CreateScope();
        var requestContext = scope.ServiceProvider.GetRequiredService<ParIndexDbContext>();
        Assert.True(Reaches(scope.ServiceProvider.GetRequiredService<PredecessorResultsService>(), requestContext, depth: 4, []));
        Assert.True(Reaches(scope.ServiceProvider.GetRequiredService<ResultsService>(), requestContext, depth: 4, []));
        Assert.False(Reaches(scope.ServiceProvider.GetRequiredService<IServiceScopeFactory>(), requestContext, depth: 4, []));
    }

    /// <summary>Whether the object holds <paramref name="context"/> through its fields (the app's own types only).</summary>
    private static bool Reaches(object value, ParIndexDbContext context, int depth, HashSet<object> seen)
    {
        if (ReferenceEquals(value, context))
        {
            return true;
        }

        if (depth == 0 || value.GetType().Assembly.GetName().Name?.StartsWith("ParIndex", StringComparison.Ordinal) != true
            || !seen.Add(value))
        {
            return false;
        }

        for (var type = value.GetType(); type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (!field.FieldType.IsValueType && field.GetValue(value) is { } held && Reaches(held, context, depth - 1, seen))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The names of the components used as tags in the app's .razor files.</summary>
    private static HashSet<string> UsedTags()
    {
        var folder = Path.Combine(EnglishDetailSourceTests.RepositoryRoot(), "src", "ParIndex.Web");
        return Directory.EnumerateFiles(folder, "*.razor", SearchOption.AllDirectories)
            .SelectMany(f => Tag().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A markup tag, not a generic type argument (<c>IReadOnlyList&lt;FrameworkView&gt;</c> in code).</summary>
    [GeneratedRegex(@"(?<![\w.])<([A-Z][A-Za-z0-9]*)[\s/>]")]
    private static partial Regex Tag();
}
