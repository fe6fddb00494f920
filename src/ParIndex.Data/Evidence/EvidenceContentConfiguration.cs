using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ParIndex.Data.Evidence;

internal sealed class EvidenceContentConfiguration : IEntityTypeConfiguration<EvidenceContent>
{
    public void Configure(EntityTypeBuilder<EvidenceContent> builder)
    {
        builder.HasKey(c => c.Sha256);
        builder.Property(c => c.Sha256).HasMaxLength(64);
    }
}

internal sealed class EvidenceChunkConfiguration : IEntityTypeConfiguration<EvidenceChunk>
{
    public void Configure(EntityTypeBuilder<EvidenceChunk> builder)
    {
        builder.HasKey(c => new { c.Sha256, c.Index });
        builder.Property(c => c.Sha256).HasMaxLength(64);
        builder.HasOne<EvidenceContent>().WithMany().HasForeignKey(c => c.Sha256).OnDelete(DeleteBehavior.Cascade);
    }
}
