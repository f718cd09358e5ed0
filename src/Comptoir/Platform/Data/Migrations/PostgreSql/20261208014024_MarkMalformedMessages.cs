using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comptoir.Platform.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class MarkMalformedMessages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Malformed",
                table: "Messages",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Malformed",
                table: "Messages");
        }
    }
}
