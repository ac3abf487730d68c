package io.rowflow.kotlin.docs

import io.rowflow.annotation.Column
import io.rowflow.annotation.GeneratedValue
import io.rowflow.annotation.Id
import io.rowflow.annotation.References
import io.rowflow.annotation.Table

/** An author of the Kotlin guide: a data class with a generated key. */
@Table(name = "kt_author")
data class Author(
    @Id @GeneratedValue val id: Long? = null,
    @Column(nullable = false, length = 100) val name: String,
    val born: Int? = null,
)

/** A book of the Kotlin guide: nullable properties are nullable columns. */
@Table(name = "kt_book")
data class Book(
    @Id @GeneratedValue val id: Long? = null,
    @Column(nullable = false, length = 200) val title: String,
    val year: Int,
    val subtitle: String? = null,
    @References(Author::class) val authorId: Long? = null,
)
