using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ParIndex.Data.Accounts;
using ParIndex.Data.Evidence;

namespace ParIndex.Data.Bundles;

/// <summary>One table of a bundle: an entity type of the model and the columns written for it.</summary>
public sealed class BundleTable
{
    internal BundleTable(IEntityType entityType, bool accounts)
    {
        EntityType = entityType;
        Name = entityType.GetTableName() ?? entityType.Name;
        Properties = [.. entityType.GetProperties()];
        IsAccounts = accounts;
        SelfReference = entityType.GetForeignKeys().SingleOrDefault(f => f.PrincipalEntityType == entityType && f.Properties.Count == 1);
    }

    public IEntityType EntityType { get; }

    /// <summary>The table name, also the entry name (<c>tables/NAME.jsonl</c>).</summary>
    public string Name { get; }

    public string Entry => BundleFormat.TableEntry(Name);

    /// <summary>Every mapped property, keys and foreign keys included, by their model names.</summary>
    public IReadOnlyList<IProperty> Properties { get; }

    /// <summary>Users, roles and their links: in an installation bundle only.</summary>
    public bool IsAccounts { get; }

    /// <summary>A foreign key to the same table (a unit's parent): rows are written parents first.</summary>
    public IForeignKey? SelfReference { get; }

    /// <summary>A join table without a class of its own (leaf ↔ evidence): rows are dictionaries.</summary>
    public bool IsSharedType => EntityType.HasSharedClrType;

    public override string ToString() => Name;
}

/// <summary>
/// Which tables a bundle holds, derived from the model so a new entity cannot be forgotten: every
/// entity type is either written or left out here with the reason (ADR 0114), in foreign-key order.
/// </summary>
public static class BundleTables
{
    /// <summary>Tables never written, and why.</summary>
    public static IReadOnlyDictionary<Type, string> LeftOut { get; } = new Dictionary<Type, string>
    {
        [typeof(AuthSession)] = "sessions are live logins of one installation; a copy would be a stolen login",
        [typeof(LoginThrottle)] = "rate-limit counters keyed by client address: transient",
        [typeof(DataProtectionKey)] = "the key ring is a secret of one installation; the target makes its own",
        [typeof(EvidenceContent)] = "the evidence store's bookkeeping: rebuilt by the target's store from the evidence entries",
        [typeof(Signing.UnitSigningCertificate)] = "a unit's signing key, protected with this installation's key ring, which does not travel: the administrator uploads it again",
        [typeof(EvidenceChunk)] = "the database store's bytes: the evidence travels as entries named by SHA-256",
        [typeof(Results.ResultSnapshot)] = "stored results are derived from the campaign's rows: the target stores its own on first read (ADR 0133)",
        [typeof(Results.ResultSnapshotUnit)] = "part of a stored result (ADR 0133)",
    };

    /// <summary>The tables of a scope, parents before children.</summary>
    public static IReadOnlyList<BundleTable> For(IModel model, BundleScope scope) =>
        [.. All(model).Where(t => scope == BundleScope.Installation || !t.IsAccounts)];

    /// <summary>Every written table of the model, parents before children.</summary>
    public static IReadOnlyList<BundleTable> All(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var types = model.GetEntityTypes()
            .Where(t => !t.IsOwned() && t.GetTableName() is not null && !LeftOut.ContainsKey(t.ClrType))
            .OrderBy(t => t.GetTableName(), StringComparer.Ordinal)
            .ToList();
        foreach (var type in types)
        {
            if (type.GetProperties().FirstOrDefault(p => p.IsShadowProperty() && !type.HasSharedClrType) is { } shadow)
            {
                throw new InvalidOperationException($"{type.Name}.{shadow.Name} is a shadow property: the bundle cannot read it; map it or leave the table out.");
            }
        }

        // Kahn's algorithm over the foreign keys; the order among independent tables is by name, so it is stable.
        var ordered = new List<IEntityType>(types.Count);
        var done = new HashSet<IEntityType>();
        while (ordered.Count < types.Count)
        {
            var next = types.FirstOrDefault(t => !done.Contains(t)
                && t.GetForeignKeys().All(f => f.PrincipalEntityType == t || done.Contains(f.PrincipalEntityType.GetRootType()) || !types.Contains(f.PrincipalEntityType.GetRootType())))
                ?? throw new InvalidOperationException("The model has a foreign-key cycle between tables; the bundle cannot order them.");
            ordered.Add(next);
            done.Add(next);
        }

        return [.. ordered.Select(t => new BundleTable(t, IsAccountType(t.ClrType)))];
    }

    // Notifications belong to user accounts (and the planner's cursor to the whole installation):
    // they travel with an installation, never with one campaign.
    private static bool IsAccountType(Type type) =>
        type == typeof(AppUser)
        || type.Namespace == typeof(Microsoft.AspNetCore.Identity.IdentityRole).Namespace
        || type.Namespace == typeof(Notifications.Notification).Namespace;
}
